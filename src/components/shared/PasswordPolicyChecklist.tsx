'use client';
import { useEffect, useState } from 'react';
import type { PasswordRuleCheck } from '../../core/index.js';
import type { MessageKey } from '../messages.js';
import type { FieldRenderProps, StepFormRenderProps } from './useStepForm.js';

/** How long the rules must stay as they are before the summary is read out: one announcement per pause, not per key. */
const ANNOUNCE_AFTER_MS = 1000;

const ruleKeys: Record<PasswordRuleCheck['rule'], MessageKey> = {
  minimumLength: 'passwordPolicy.minimumLength',
  uppercase: 'passwordPolicy.uppercase',
  lowercase: 'passwordPolicy.lowercase',
  number: 'passwordPolicy.number',
  symbol: 'passwordPolicy.symbol',
};

export interface PasswordPolicyChecklistProps {
  /**
   * The form's new-password field (`form.fields.newPassword`, `form.fields.password` in sign-up). Without
   * `<CognitoProvider passwordPolicy>` it has no rules, and nothing is rendered.
   */
  field: FieldRenderProps | undefined;
  /** The form's `t` (its messages and locale). */
  t: StepFormRenderProps['t'];
}

/**
 * The rules of the user pool's password policy under a new-password field, each met or not as the user
 * types: an icon and the rule's text, with "Met:" or "Not met:" before it for screen readers (and shown
 * when the theme is not loaded). The field's input is described by the list, so its rules are read when
 * the field takes the focus. What changes is told politely, once the rules have stayed the same for a
 * second ("2 password requirements still to meet.", then "Your password meets every requirement."): a rule
 * that flips is worth hearing, every key typed is not.
 *
 * @example
 * const form = useChangePasswordForm();
 * <input {...form.fields.newPassword?.inputProps} />
 * <PasswordPolicyChecklist field={form.fields.newPassword} t={form.t} />
 */
export function PasswordPolicyChecklist({ field, t }: PasswordPolicyChecklistProps) {
  const policy = field?.passwordPolicy;
  const rules = policy?.rules ?? [];
  const typed = (field?.inputProps.value ?? '') !== '';
  const unmet = rules.filter((r) => !r.met).length;
  const summary = !typed || rules.length === 0 ? '' : unmet === 0 ? t('passwordPolicy.allMet') : t('passwordPolicy.remaining', { count: unmet });
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    // A cleared field (a refused submit empties it) is silent at once; anything else waits for a pause.
    const timer = setTimeout(() => setAnnounced(summary), summary === '' ? 0 : ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [summary]);
  if (!policy) return null;
  return (
    <div data-password-policy="" {...(unmet === 0 && typed ? { 'data-met': '' } : {})} {...(field?.error && unmet > 0 ? { 'data-invalid': '' } : {})}>
      <ul id={policy.id}>
        {rules.map((r) => (
          <li key={r.rule} data-rule={r.rule} data-met={String(r.met)}>
            <span data-rule-state="">{t(r.met ? 'passwordPolicy.met' : 'passwordPolicy.unmet')} </span>
            {t(ruleKeys[r.rule], r.minimumLength === undefined ? {} : { count: r.minimumLength })}
          </li>
        ))}
      </ul>
      <div role="status" data-password-policy-status="">
        {announced}
      </div>
    </div>
  );
}
