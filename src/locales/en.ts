/**
 * English: the defaults of the forms (the sign-in, account, managed-login and field tables, merged) as a locale module, for apps
 * that switch languages and come back to English. The default export is the table; `locale` and `dir`
 * describe it.
 *
 * @example
 * import en from 'cognito-react/locales/en';
 * <SignIn messages={en} />
 */
import { accountMessages } from '../components/accountMessages.js';
import { federatedMessages } from '../components/FederatedSignIn/messages.js';
import { defaultMessages, type MessageKey } from '../components/messages.js';
import { fieldMessages } from '../components/shared/fieldMessages.js';

/** The BCP 47 tag of this table. */
export const locale = 'en' as const;
/** The writing direction of this language. */
export const dir = 'ltr' as const;

export default { ...defaultMessages, ...accountMessages, ...federatedMessages, ...fieldMessages } satisfies Record<MessageKey, string>;
