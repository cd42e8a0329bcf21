/**
 * A user pool's password policy, and which of its rules a password meets: what the new-password fields
 * check as the user types. Cognito stays the judge (it refuses with InvalidPasswordException); this only
 * says the same thing sooner.
 */

/**
 * A user pool's password policy, in the shape of Cognito's `PasswordPolicyType` (what DescribeUserPool
 * returns as `UserPool.Policies.PasswordPolicy`, so that object can be passed as it is). Only the length
 * and the four character classes can be checked in a browser; the history size and the temporary password
 * validity are accepted and ignored.
 *
 * @example
 * const policy: PasswordPolicy = { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
 * <CognitoProvider auth={auth} passwordPolicy={policy}>...</CognitoProvider>
 */
export interface PasswordPolicy {
  /** At least this many characters (Cognito allows 6 to 99). No length rule when absent. */
  MinimumLength?: number | undefined;
  /** At least one upper-case Basic Latin letter (A to Z). */
  RequireUppercase?: boolean | undefined;
  /** At least one lower-case Basic Latin letter (a to z). */
  RequireLowercase?: boolean | undefined;
  /** At least one digit (0 to 9). */
  RequireNumbers?: boolean | undefined;
  /** At least one of Cognito's symbols (`PASSWORD_SYMBOLS`), or a space that neither starts nor ends the password. */
  RequireSymbols?: boolean | undefined;
  /** Not checked here: only the service knows the previous passwords. */
  PasswordHistorySize?: number | undefined;
  /** Not used here. */
  TemporaryPasswordValidityDays?: number | undefined;
}

/**
 * One rule of a password policy: `minimumLength` (with its `minimumLength` count), `uppercase`,
 * `lowercase`, `number` or `symbol`.
 *
 * @example
 * const rule: PasswordRuleName = 'symbol';
 */
export type PasswordRuleName = 'minimumLength' | 'uppercase' | 'lowercase' | 'number' | 'symbol';

/**
 * A rule of the policy and whether a password meets it.
 *
 * @example
 * checkPasswordPolicy({ MinimumLength: 8 }, 'abc'); // [{ rule: 'minimumLength', minimumLength: 8, met: false }]
 */
export interface PasswordRuleCheck {
  /** Which rule. */
  rule: PasswordRuleName;
  /** Whether the password meets it. */
  met: boolean;
  /** For `minimumLength`: the number of characters required. */
  minimumLength?: number;
}

/**
 * The characters Cognito counts as symbols (its developer guide lists them); a space counts too, unless
 * it starts or ends the password.
 *
 * @example
 * PASSWORD_SYMBOLS.includes('#'); // true
 */
export const PASSWORD_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';

const hasSymbol = (password: string) =>
  [...password].some((c) => PASSWORD_SYMBOLS.includes(c)) || password.replace(/^ +| +$/g, '').includes(' ');

/**
 * Each rule of the policy (length, upper case, lower case, number, symbol: the order the forms show
 * them), and whether `password` meets it. A policy with no rule gives an empty list.
 *
 * @example
 * checkPasswordPolicy({ MinimumLength: 8, RequireNumbers: true }, 'secret1');
 * // [{ rule: 'minimumLength', minimumLength: 8, met: false }, { rule: 'number', met: true }]
 */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): PasswordRuleCheck[] {
  const checks: PasswordRuleCheck[] = [];
  const length = policy.MinimumLength;
  if (typeof length === 'number' && length > 0) checks.push({ rule: 'minimumLength', minimumLength: length, met: password.length >= length });
  // Cognito counts Basic Latin letters only: "É" or "Ж" is not an upper-case letter to it.
  if (policy.RequireUppercase) checks.push({ rule: 'uppercase', met: /[A-Z]/.test(password) });
  if (policy.RequireLowercase) checks.push({ rule: 'lowercase', met: /[a-z]/.test(password) });
  if (policy.RequireNumbers) checks.push({ rule: 'number', met: /[0-9]/.test(password) });
  if (policy.RequireSymbols) checks.push({ rule: 'symbol', met: hasSymbol(password) });
  return checks;
}

/**
 * Whether a password meets every rule of the policy that can be checked before sending it.
 *
 * @example
 * meetsPasswordPolicy({ MinimumLength: 8 }, 'long enough'); // true
 */
export function meetsPasswordPolicy(policy: PasswordPolicy, password: string): boolean {
  return checkPasswordPolicy(policy, password).every((c) => c.met);
}
