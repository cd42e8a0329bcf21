'use client';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { isCognitoAuthError, type CodeDelivery } from '../../core/index.js';
import { useSendAttributeVerificationCode } from '../../react/account.js';
import { useUser } from '../../react/useUser.js';
import { accountMessages } from '../accountMessages.js';
import { errorMessage, translator } from '../messages.js';
import { ResendButton } from '../ResendButton/ResendButton.js';
import { Field } from '../shared/Field.js';
import { attributeLabel } from '../shared/attributeInputs.js';
import { useFormLocale } from '../shared/useLocale.js';
import { useVerifyAttributeForm } from '../UserAttributesForm/useVerifyAttributeForm.js';
import type { AfterSignInStep, AfterSignInStepProps } from './afterSignIn.js';
import { Checking, useStepFocus } from './Checking.js';

/** The contact attributes the verification step can verify. */
export type ContactAttribute = 'email' | 'phone_number';

const CONTACTS: readonly ContactAttribute[] = ['email', 'phone_number'];

/** Options of {@link verifyContactStep}. */
export interface VerifyContactStepOptions {
  /** The attributes to check, in the order offered (default both: `['email', 'phone_number']`). */
  attributes?: readonly ContactAttribute[];
}

/**
 * The after-sign-in step "Verify your contact information": when the user's email or phone number is
 * unverified (GetUser's `email_verified` / `phone_number_verified`), offers to verify it (one to choose when
 * both are): GetUserAttributeVerificationCode, then the code (VerifyUserAttribute), or "Skip".
 *
 * @example
 * <SignIn afterSignIn={[verifyContactStep({ attributes: ['email'] })]} signedIn={<App />} />
 */
export function verifyContactStep(options: VerifyContactStepOptions = {}): AfterSignInStep {
  const attributes = options.attributes ?? CONTACTS;
  return { name: 'VERIFY_CONTACT', render: (props) => <VerifyContactStep {...props} attributes={attributes} /> };
}

/** The step's screens. A failed GetUser skips it: the user is signed in either way. */
function VerifyContactStep(props: AfterSignInStepProps & { attributes: readonly ContactAttribute[] }) {
  const { ref, focus } = useStepFocus<HTMLDivElement>();
  return (
    <div ref={ref}>
      <VerifyContactScreen {...props} focus={focus} />
    </div>
  );
}

function VerifyContactScreen({ attributes: wanted, messages, next, focus }: AfterSignInStepProps & { attributes: readonly ContactAttribute[] } & { focus: () => void }) {
  const user = useUser();
  const attributes = user.data?.attributes;
  const unverified = attributes ? wanted.filter((a) => CONTACTS.includes(a) && attributes[a] && attributes[`${a}_verified`] !== 'true') : [];
  const applies = unverified.length > 0;
  const [sent, setSent] = useState<{ attribute: ContactAttribute; codeDelivery: CodeDelivery | undefined } | null>(null);
  useEffect(() => {
    if (user.isError || (user.isSuccess && !applies)) next();
  }, [user.isError, user.isSuccess, applies, next]);
  useEffect(() => {
    if (applies) focus();
  }, [applies, sent, focus]);
  if (!attributes || !applies) return <Checking messages={messages} />;
  if (sent) return <ConfirmContact attribute={sent.attribute} codeDelivery={sent.codeDelivery} messages={messages} next={next} />;
  return <ChooseContact unverified={unverified} attributes={attributes} messages={messages} next={next} onSent={setSent} />;
}

function ChooseContact({
  unverified,
  attributes,
  messages,
  next,
  onSent,
}: {
  unverified: ContactAttribute[];
  attributes: Record<string, string>;
  messages: AfterSignInStepProps['messages'];
  next: () => void;
  onSent: (sent: { attribute: ContactAttribute; codeDelivery: CodeDelivery | undefined }) => void;
}) {
  const id = useId();
  const lang = useFormLocale(messages);
  const t = translator(lang.messages, accountMessages, lang.locale);
  const send = useSendAttributeVerificationCode();
  const [choice, setChoice] = useState<ContactAttribute>(unverified[0] as ContactAttribute);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(choice, { onSuccess: ({ codeDelivery }) => onSent({ attribute: choice, codeDelivery }) });
  };
  const error = send.error ? (isCognitoAuthError(send.error) ? errorMessage(lang.messages, send.error, accountMessages, 'account', lang.locale) : t('error.default')) : null;
  const only = unverified.length === 1 ? unverified[0] : undefined;
  return (
    <form onSubmit={onSubmit} noValidate data-step="VERIFY_CONTACT" aria-labelledby={`${id}-title`} aria-describedby={`${id}-hint`} {...(send.isPending ? { 'data-pending': '' } : {})}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('verifyContact.title')}
      </h2>
      <p id={`${id}-hint`}>{t('verifyContact.hint')}</p>
      {only ? (
        <p data-destination="">{t('verifyContact.to', { destination: attributes[only] ?? '' })}</p>
      ) : (
        <fieldset>
          <legend>{t('verifyContact.choose')}</legend>
          {unverified.map((attribute) => (
            <div key={attribute} data-option="">
              <input type="radio" id={`${id}-${attribute}`} name={`${id}-contact`} value={attribute} checked={choice === attribute} onChange={() => setChoice(attribute)} />
              <label htmlFor={`${id}-${attribute}`}>
                {attributeLabel(t, attribute)} <span data-value="">{attributes[attribute]}</span>
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <div role="alert" data-form-error="">
        {error}
      </div>
      <button type="submit" disabled={send.isPending} data-variant="primary">
        {t('verifyContact.submit')}
      </button>
      <div data-links="">
        <button type="button" data-link="skip" onClick={next} disabled={send.isPending}>
          {t('verifyContact.skip')}
        </button>
      </div>
    </form>
  );
}

function ConfirmContact({ attribute, codeDelivery, messages, next }: { attribute: ContactAttribute; codeDelivery: CodeDelivery | undefined; messages: AfterSignInStepProps['messages']; next: () => void }) {
  const send = useSendAttributeVerificationCode();
  const form = useVerifyAttributeForm({ attribute, codeDelivery, messages, onVerified: next, onCancel: next });
  // The account code form's markup, with "Skip" where it has "Cancel".
  return (
    <form {...form.formProps} data-step="VERIFY_CONTACT_CODE" aria-labelledby={`${form.errorId}-title`}>
      <h2 id={`${form.errorId}-title`} tabIndex={-1}>
        {form.title}
      </h2>
      {form.hint && <p id={form.hintId}>{form.hint}</p>}
      {form.fields.code && <Field field={form.fields.code} />}
      <ResendButton resend={() => send.mutateAsync(attribute)} messages={messages} />
      <div id={form.errorId} role="alert" data-form-error="">
        {form.error}
      </div>
      <button type="submit" disabled={form.pending} data-variant="primary">
        {form.submitLabel}
      </button>
      <div data-links="">
        <button type="button" data-link="skip" onClick={next} disabled={form.pending}>
          {form.t('verifyContact.skip')}
        </button>
      </div>
    </form>
  );
}
