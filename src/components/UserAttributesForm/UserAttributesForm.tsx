'use client';
import { useState, type ReactNode } from 'react';
import type { CodeDelivery, UserDetails } from '../../core/index.js';
import { useSendAttributeVerificationCode, useUpdateUserAttributes, useVerifyUserAttribute } from '../../react/account.js';
import { useUser } from '../../react/useUser.js';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import { ATTRIBUTE_INPUTS, attributeFormatError, attributeLabel, normalizeAttribute, type AttributeField } from '../shared/attributeInputs.js';
import type { StepFormRenderProps } from '../shared/useStepForm.js';
import { accountErrorMessage, accountT, translateAccount, type AccountMessages } from '../accountMessages.js';
import { ResendButton } from '../ResendButton/ResendButton.js';
import { cleanCode, codeField } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';

const VERIFIABLE = ['email', 'phone_number'];

export interface UserAttributesFormRenderProps extends AccountFormRenderProps {
  attributeFields: string[];
  /** Per verifiable attribute shown (email, phone_number): whether Cognito says it is verified. */
  verified: Record<string, boolean>;
  /** "Saved." after a save that needed no verification. */
  done: string | null;
}

function useProfileForm(options: {
  details: UserDetails;
  attributes: AttributeField[];
  messages: AccountMessages | undefined;
  onVerificationNeeded: (attribute: string, codeDelivery: CodeDelivery | undefined) => void;
}): UserAttributesFormRenderProps {
  const mutation = useUpdateUserAttributes();
  const [done, setDone] = useState(false);
  const attrs = options.attributes.map(normalizeAttribute);
  const t = accountT(options.messages);
  const current = options.details.attributes;
  const form = useAccountForm({
    hook: 'useUserAttributesForm',
    messages: options.messages,
    title: t('attributes.title'),
    hint: null,
    submitLabel: t('attributes.submit'),
    fields: attrs.map((a) => ({
      name: a.name,
      label: attributeLabel(t, a.name, a.label),
      initial: current[a.name] ?? '',
      validate: (v: string) => {
        const value = v.trim();
        if (value === '') return a.required && current[a.name] ? ['invalid.attribute', { attribute: attributeLabel(t, a.name, a.label).toLowerCase() }] : null;
        return attributeFormatError(a.name, value);
      },
      input: { ...(ATTRIBUTE_INPUTS[a.name] ?? { type: 'text' }), ...(a.type ? { type: a.type } : {}) },
    })),
    mutation,
    toInput: (v) => {
      setDone(false);
      const changed = Object.fromEntries(attrs.map((a) => [a.name, (v[a.name] ?? '').trim()]).filter(([name, value]) => value !== '' && value !== (current[name as string] ?? '')));
      return changed;
    },
    onSuccess: ({ codeDeliveries }) => {
      const first = codeDeliveries.find((d) => d.attribute && VERIFIABLE.includes(d.attribute));
      if (first?.attribute) options.onVerificationNeeded(first.attribute, first);
      else setDone(true);
    },
  });
  const verified = Object.fromEntries(attrs.filter((a) => VERIFIABLE.includes(a.name) && current[a.name]).map((a) => [a.name, current[`${a.name}_verified`] === 'true']));
  return { ...form, attributeFields: attrs.map((a) => a.name), verified, done: done ? t('attributes.saved') : null };
}

function useVerifyForm(options: {
  attribute: string;
  codeDelivery: CodeDelivery | undefined;
  messages: AccountMessages | undefined;
  onVerified: () => void;
  onCancel: () => void;
}) {
  const mutation = useVerifyUserAttribute();
  const t = accountT(options.messages);
  const destination = options.codeDelivery?.destination;
  return useAccountForm({
    hook: 'useUserAttributesForm',
    messages: options.messages,
    title: t('attributes.verifyTitle', { attribute: attributeLabel(t, options.attribute).toLowerCase() }),
    hint: destination ? t('confirmSignUp.hint', { destination }) : null,
    submitLabel: t('attributes.verifySubmit'),
    fields: [codeField(t('code.label'))],
    mutation,
    clearOnFailure: ['code'],
    errorContext: 'account',
    toInput: (v) => ({ attribute: options.attribute, code: cleanCode(v.code) }),
    onSuccess: options.onVerified,
    onCancel: options.onCancel,
  });
}

function VerifyAttribute({ attribute, codeDelivery, messages, onDone }: { attribute: string; codeDelivery: CodeDelivery | undefined; messages: AccountMessages | undefined; onDone: () => void }) {
  const send = useSendAttributeVerificationCode();
  const form = useVerifyForm({ attribute, codeDelivery, messages, onVerified: onDone, onCancel: onDone });
  return (
    <FormLayout props={form as unknown as StepFormRenderProps} step="VERIFY_ATTRIBUTE">
      {form.fields.code && <Field field={form.fields.code} />}
      <ResendButton resend={() => send.mutateAsync(attribute)} messages={messages} />
    </FormLayout>
  );
}

export interface UserAttributesFormProps {
  /** The attributes to show, in order (default `['email', 'name']`). */
  attributes?: AttributeField[];
  messages?: AccountMessages;
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
  const form = useProfileForm({ details, attributes, messages, onVerificationNeeded: (attribute, codeDelivery) => setVerifying({ attribute, codeDelivery }) });
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form as unknown as StepFormRenderProps} step="USER_ATTRIBUTES" className={className} canCancel={false}>
      {form.attributeFields.map((name) => {
        const field = form.fields[name];
        if (!field) return null;
        const verified = form.verified[name];
        return (
          <div key={name} data-attribute={name}>
            <Field field={field} />
            {verified !== undefined && (
              <p data-verified={String(verified)}>
                {verified ? form.t('attributes.verified') : form.t('attributes.unverified')}{' '}
                {!verified && (
                  <button
                    type="button"
                    disabled={send.isPending}
                    onClick={() => send.mutate(name, { onSuccess: ({ codeDelivery }) => setVerifying({ attribute: name, codeDelivery }) })}
                  >
                    {form.t('attributes.verify', { attribute: field.label.toLowerCase() })}
                  </button>
                )}
              </p>
            )}
          </div>
        );
      })}
      {send.error && <p role="alert">{accountErrorMessage(messages, send.error)}</p>}
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
  if (verifying) {
    return <VerifyAttribute {...verifying} messages={props.messages} onDone={() => setVerifying(null)} />;
  }
  if (!user.data) {
    return (
      <p aria-busy="true" data-section="attributes">
        {user.error ? accountErrorMessage(props.messages, user.error) : translateAccount(props.messages, 'account.loading')}
      </p>
    );
  }
  // Keyed by the user's data, so saved values become the form's new starting point.
  return <ProfileForm key={JSON.stringify(user.data.attributes)} details={user.data} attributes={attributes} setVerifying={setVerifying} {...props} />;
}
