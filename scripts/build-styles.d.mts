/** src/styles.css split at its `@part` markers: sign-in (every block outside a part), account, federated. */
export function splitStyles(css: string): Record<string, string>;
