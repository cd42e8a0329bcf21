'use client';
import { createRef, useCallback, useContext, useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent, type InputHTMLAttributes, type RefObject } from 'react';
import type { CognitoAuthError, PasswordPolicy, PasswordRuleCheck } from '../../core/index.js';
import { CognitoPasswordPolicyContext, useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import type { MessageKey, Messages, MessageValue } from '../messages.js';
import { say, sayError } from './text.js';

/** One input of a form, ready to render: spread `inputProps` on the `<input>`. */
export interface FieldRenderProps {
  name: string;
  label: string;
  /** The local validation message, or `null`. */
  error: string | null;
  /** The id the error message element must have (the input's `aria-describedby` points at it). */
  errorId: string;
  /** For a password field, the label of its "show password" toggle (`action.showPassword`); else `null`. */
  revealLabel: string | null;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { ref: RefObject<HTMLInputElement | null>; id: string; name: string; value: string };
  /**
   * On the new password of a form under `<CognitoProvider passwordPolicy>` (the form's first
   * `autoComplete="new-password"` field): each rule of the policy, met or not by the value as typed, and
   * the id the list of rules must have (the input is described by it). Absent elsewhere.
   */
  passwordPolicy?: { id: string; rules: PasswordRuleCheck[] };
  /** Sets the field's value from a control other than its `<input>` (a checkbox, the dial-code picker). */
  setValue(value: string): void;
  /**
   * For a phone number shown with a dial-code picker: the country it starts on (ISO 3166 code), and the form's
   * messages and locale, which the picker's own strings and its country names are in.
   */
  phone?: { defaultCountry?: string | undefined; messages?: Messages | undefined; locale?: string | undefined };
}

/** What every form's render props share. */
export interface StepFormRenderProps {
  title: string;
  /** What the step asks for, in a sentence (linked to the first field as its description). */
  hint: string | null;
  hintId: string;
  /** Spread on the `<form>`: submission, `noValidate`, and state as data attributes. */
  formProps: {
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    noValidate: true;
    'aria-busy': boolean;
    'data-pending'?: '';
    'data-invalid'?: '';
  };
  /** The label of the submit button. */
  submitLabel: string;
  /** A request is in flight: the submit button is disabled and a second submit is ignored. */
  pending: boolean;
  /** What went wrong with the last request (a message from the table), or `null`. */
  error: string | null;
  /** The error as the store reported it, for apps that branch on `error.name`. */
  cognitoError: CognitoAuthError | null;
  /** The id of the live region that shows `error` (every field is described by it too). */
  errorId: string;
  /** Abandons the sign-in and returns to the first step (the username is kept). */
  cancel(): void;
  /** Looks a message up in the form's table. */
  t(key: MessageKey, values?: Record<string, MessageValue>): string;
}

export interface FieldSpec {
  name: string;
  label: string;
  initial?: string;
  /** Returns a message key when the value is not acceptable. */
  validate?: (value: string, values: Record<string, string>) => MessageKey | [MessageKey, Record<string, MessageValue>] | null;
  input?: InputHTMLAttributes<HTMLInputElement>;
  /** Whether the input is marked required (default: when it has a validator). */
  required?: boolean;
  /** Render a dial-code picker beside the input (the value stays one E.164 string). */
  phone?: { defaultCountry?: string | undefined };
}

/**
 * The machinery every step form shares: field values that survive failures, local validation with
 * specific messages and focus on the first invalid field, accessible wiring (labels, descriptions, a live
 * error region), and a submit that cannot run twice. The form's own hook says what is sent.
 */
export function useStepForm(options: {
  hook: string;
  fields: FieldSpec[];
  messages: Messages | undefined;
  /**
   * The English defaults of the form's area: see `translate`. Unless given, the first screen's strings
   * only (`signInMessages`): every form but the sign-in form passes its table (`defaultMessages`, or an
   * area's with `fallback`).
   */
  table?: Messages;
  /** Where a key the table lacks is looked up (default: the first screen's strings, `signInMessages`). */
  fallback?: Messages;
  /**
   * Checks a new password against the provider's `passwordPolicy` (`checkPasswordPolicy`): given by the
   * forms that ask for one (their first `autoComplete="new-password"` field), so that the sign-in form
   * carries none of it.
   */
  checkPolicy?: (policy: PasswordPolicy, password: string) => PasswordRuleCheck[];
  /** The BCP 47 tag plurals, numbers and dates are written in (the provider's `locale`): see `translate`. */
  locale?: string | undefined;
  /** Picks operation-specific error messages: see `errorMessage`. */
  errorContext?: string | undefined;
  title: string;
  hint: string | null;
  submitLabel: string;
  /** Sends the answer; resolves when the request settled (failures are read from the store). */
  send: (values: Record<string, string>) => Promise<unknown>;
  /** Fields emptied after a failed request (codes and passwords, which the user must type again). */
  clearOnFailure?: string[];
  /**
   * For forms outside the sign-in flow (sign-up, account settings): the request state of their own
   * mutation instead of the store's, and what "cancel" does. `send` then rejects on failure.
   */
  status?: { pending: boolean; error: CognitoAuthError | null };
  onCancel?: () => void;
}) {
  const store = useAuthState(options.hook);
  const { auth } = store;
  const storeError = options.status ? options.status.error : store.error;
  const pending = options.status ? options.status.pending : store.pending;
  const baseId = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(options.fields.map((f) => [f.name, f.initial ?? ''])),
  );
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  // One ref per field, the same objects for as long as the form has the same fields (MFA_SETUP swaps its
  // fields once a method is chosen). Made here rather than lazily inside a ref read during render; the
  // memo is only an economy: new objects would just be attached to the inputs at the next commit.
  const names = options.fields.map((f) => f.name).join('\n');
  const refs = useMemo(() => new Map(names.split('\n').map((name) => [name, createRef<HTMLInputElement>()])), [names]);
  const submitting = useRef(false);
  const { messages, table, locale, fallback, checkPolicy } = options;
  // The new password is the first field that asks for one; a later one only confirms it.
  const policy = useContext(CognitoPasswordPolicyContext);
  const policyField = policy && checkPolicy ? options.fields.find((f) => f.input?.autoComplete === 'new-password')?.name : undefined;
  const rulesOf = (value: string) => (policy && checkPolicy?.(policy, value)) || [];
  const t = useCallback((key: MessageKey, v?: Record<string, MessageValue>) => say(messages, key, v, table, locale, fallback), [messages, table, locale, fallback]);

  const errorId = `${baseId}-error`;
  const hintId = `${baseId}-hint`;
  const fields: Record<string, FieldRenderProps> = {};
  options.fields.forEach((spec, index) => {
    const fieldErrorId = `${baseId}-${spec.name}-error`;
    const fieldError = errors[spec.name] ?? null;
    const rules = spec.name === policyField ? rulesOf(values[spec.name] ?? '') : [];
    const rulesId = `${baseId}-${spec.name}-policy`;
    const describedBy = [index === 0 && options.hint ? hintId : null, fieldError ? fieldErrorId : null, rules.length ? rulesId : null, storeError ? errorId : null]
      .filter(Boolean)
      .join(' ');
    // A placeholder only when the app's table has one for the field (`placeholder.<name>`: the English
    // defaults are all empty, so they are not looked up).
    const placeholder = messages?.[`placeholder.${spec.name}` as MessageKey];
    const setValue = (value: string) => {
      setValues((current) => ({ ...current, [spec.name]: value }));
      if (errors[spec.name]) setErrors((current) => ({ ...current, [spec.name]: null }));
    };
    fields[spec.name] = {
      name: spec.name,
      label: spec.label,
      error: fieldError,
      errorId: fieldErrorId,
      revealLabel: spec.input?.type === 'password' ? t('action.showPassword') : null,
      inputProps: {
        ...(placeholder ? { placeholder } : {}),
        ...spec.input,
        ref: refs.get(spec.name) as RefObject<HTMLInputElement | null>,
        id: `${baseId}-${spec.name}`,
        name: spec.name,
        value: values[spec.name] ?? '',
        onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(event.target.value),
        'aria-invalid': fieldError ? true : undefined,
        'aria-describedby': describedBy || undefined,
        required: spec.required ?? spec.validate !== undefined,
      },
      ...(rules.length ? { passwordPolicy: { id: rulesId, rules } } : {}),
      setValue,
      ...(spec.phone ? { phone: { ...spec.phone, messages, locale } } : {}),
    };
  });

  const submit = async () => {
    if (submitting.current || pending) return;
    const found: Record<string, string | null> = {};
    let firstInvalid: string | null = null;
    for (const spec of options.fields) {
      const value = values[spec.name] ?? '';
      let result = spec.validate?.(value, values) ?? null;
      // The policy's rules, checked before sending (the list under the field says which one is unmet).
      if (result === null && spec.name === policyField && rulesOf(value).some((r) => !r.met)) result = 'invalid.passwordPolicy';
      found[spec.name] = result === null ? null : Array.isArray(result) ? t(result[0], result[1]) : t(result);
      if (found[spec.name] && !firstInvalid) firstInvalid = spec.name;
    }
    setErrors(found);
    if (firstInvalid) {
      refs.get(firstInvalid)?.current?.focus();
      return;
    }
    submitting.current = true;
    let failed = false;
    try {
      await options.send(values);
    } catch {
      failed = true;
    } finally {
      submitting.current = false;
    }
    if (!options.status) failed = auth.getSnapshot().error !== null;
    if (failed && options.clearOnFailure?.length) {
      setValues((current) => ({ ...current, ...Object.fromEntries(options.clearOnFailure!.map((n) => [n, ''])) }));
      refs.get(options.clearOnFailure[0] as string)?.current?.focus();
    }
  };

  const invalid = Object.values(errors).some(Boolean) || storeError !== null;
  const renderProps: StepFormRenderProps = {
    title: options.title,
    hint: options.hint,
    hintId,
    formProps: {
      onSubmit: (event) => {
        event.preventDefault();
        void submit();
      },
      noValidate: true,
      'aria-busy': pending,
      ...(pending ? { 'data-pending': '' as const } : {}),
      ...(invalid ? { 'data-invalid': '' as const } : {}),
    },
    submitLabel: options.submitLabel,
    pending,
    error: storeError ? sayError(messages, storeError, table, options.errorContext, locale, fallback) : null,
    cognitoError: storeError,
    errorId,
    cancel: options.onCancel ?? (() => auth.cancelSignIn()),
    t,
  };
  return { fields, renderProps, submit, values, setValues };
}

/** The store and the parts of its state a form needs (re-rendering on those only). */
function useAuthState(hook: string) {
  // First, so that outside a provider the error names the form's hook.
  const { auth } = useCognitoContext(hook);
  const error = useAuth((s) => s.error);
  const pending = useAuth((s) => s.pending);
  return { auth, error, pending };
}
