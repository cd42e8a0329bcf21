/** `account.retry` in English (of `accountMessages`), here for the lazy parts' "Try again" too. */
export const TRY_AGAIN = 'Try again';
