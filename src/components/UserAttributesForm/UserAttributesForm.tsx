'use client';
import { useState, type ReactNode } from 'react';
import type { CodeDelivery, UserDetails } from '../../core/index.js';
import { useSendAttributeVerificationCode } from '../../react/account.js';
import { useUser } from '../../react/useUser.js';
import { ConfiguredField } from '../shared/ConfiguredField.js';
import { Field } from '../shared/Field.js';
import { Skeleton } from '../shared/Skeleton.js';
import { FormLayout } from '../shared/FormLayout.js';
import { labelInSentence, type AttributeField } from '../shared/attributeInputs.js';
import { errorMessage, translate, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { ResendButton } from '../ResendButton/ResendButton.js';
import { useProfileForm, type UserAttributesFormRenderProps } from './useProfileForm.js';
import { useVerifyAttributeForm } from './useVerifyAttributeForm.js';
import { useFormLocale } from '../shared/useLocale.js';

function VerifyAttribute({ attribute, codeDelivery, messages, onDone }: { attribute: string; codeDelivery: CodeDelivery | undefined; messages: Messages | undefined; onDone: () => void }) {
  const send = useSendAttributeVerificationCode();
  const form = useVerifyAttributeForm({ attribute, codeDelivery, messages, onVerified: onDone, onCancel: onDone });
  return (
    <FormLayout props={form} step="VERIFY_ATTRIBUTE">
      {form.fields.code && <Field field={form.fields.code} />}
      <ResendButton resend={() => send.mutateAsync(attribute)} messages={messages} />
    </FormLayout>
  );
}

export interface UserAttributesFormProps {
  /** The attributes to show, in order (default `['email', 'name']`). */
  attributes?: AttributeField[];
  messages?: Messages;
  className?: string;
  children?: (props: UserAttributesFormRenderProps) => ReactNode;
}

type Verifying = { attribute: string; codeDelivery: CodeDelivery | undefined };

function ProfileForm({
  details,
  attributes,
  messages,
  className,
  children,
  setVerifying,
}: UserAttributesFormProps & { details: UserDetails; attributes: AttributeField[]; setVerifying: (v: Verifying) => void }) {
  const send = useSendAttributeVerificationCode();
  const lang = useFormLocale(messages);
  const form = useProfileForm({ details, attributes, messages, onVerificationNeeded: (attribute, codeDelivery) => setVerifying({ attribute, codeDelivery }) });
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="USER_ATTRIBUTES" className={className} canCancel={false}>
      {form.attributeFields.map((name) => {
        const field = form.fields[name];
        if (!field) return null;
        const verified = form.verified[name];
        return (
          <div key={name} data-attribute={name}>
            <ConfiguredField field={field} />
            {verified !== undefined && (
              <p data-verified={String(verified)}>
                {verified ? form.t('attributes.verified') : form.t('attributes.unverified')}{' '}
                {!verified && (
                  <button
                    type="button"
                    disabled={send.isPending}
                    onClick={() => send.mutate(name, { onSuccess: ({ codeDelivery }) => setVerifying({ attribute: name, codeDelivery }) })}
                  >
                    {form.t('attributes.verify', { attribute: labelInSentence(field.label, lang.locale) })}
                  </button>
                )}
              </p>
            )}
          </div>
        );
      })}
      {send.error && <p role="alert">{errorMessage(lang.messages, send.error, accountMessages, undefined, lang.locale)}</p>}
      <p role="status" data-done="">
        {form.done}
      </p>
    </FormLayout>
  );
}

/**
 * The signed-in user's profile (GetUser, UpdateUserAttributes): the attributes you list, with input types
 * that fit; a changed email or phone number is verified with a code (VerifyUserAttribute), and an
 * unverified one offers "verify" (GetUserAttributeVerificationCode).
 *
 * @example
 * <UserAttributesForm attributes={['email', 'phone_number', { name: 'custom:team', label: 'Team', required: false }]} />
 */
export function UserAttributesForm({ attributes = ['email', 'name'], ...props }: UserAttributesFormProps) {
  const user = useUser();
  // Held here, above the keyed form, so that the refreshed profile does not drop a verification in progress.
  const [verifying, setVerifying] = useState<Verifying | null>(null);
  const lang = useFormLocale(props.messages);
  if (verifying) {
    return <VerifyAttribute {...verifying} messages={props.messages} onDone={() => setVerifying(null)} />;
  }
  if (!user.data) {
    return user.error ? (
      <p role="alert" data-section="attributes">
        {errorMessage(lang.messages, user.error, accountMessages, undefined, lang.locale)}
      </p>
    ) : (
      <div data-section="attributes">
        <Skeleton label={translate(lang.messages, 'account.loading', {}, accountMessages, lang.locale)} rows={3} />
      </div>
    );
  }
  // Keyed by the user's data, so saved values become the form's new starting point.
  return <ProfileForm key={JSON.stringify(user.data.attributes)} details={user.data} attributes={attributes} setVerifying={setVerifying} {...props} />;
}
