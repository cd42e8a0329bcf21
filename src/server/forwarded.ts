/**
 * What the request says about the browser when frameworks and proxies stand in front of the handler: the
 * origin it reached and its IP address. Frameworks rewrite `request.url` (Next.js gives `localhost` for a
 * server started with `-H 127.0.0.1`), so the origin comes from the `Host` header the browser sent. Proxies
 * append what they saw to `X-Forwarded-For`, `-Host` and `-Proto`; the client can write those headers too,
 * so only the entries the app's own proxies added are believed, counted from the right.
 */

/** `trustProxy` as given: not at all, one proxy of yours, or a number of them in a row. */
export type TrustProxyOption = boolean | { hops: number };

/** How many proxies of the app's own sit in front of the handler (0: read no forwarding header). */
export function trustedHops(trustProxy: TrustProxyOption | undefined): number {
  if (trustProxy === undefined || trustProxy === false) return 0;
  if (trustProxy === true) return 1;
  const hops = typeof trustProxy === 'object' && trustProxy !== null ? trustProxy.hops : Number.NaN;
  if (!Number.isInteger(hops) || hops < 1) {
    throw new Error('cognito-react/server: trustProxy is true (one proxy of yours in front of the server) or { hops: N }, N a whole number of at least 1.');
  }
  return hops;
}

/**
 * The entry of a comma-separated forwarding header written by the outermost of `hops` trusted proxies:
 * each proxy appends what it received, so entries further left came from the client and are ignored. With
 * fewer entries than hops, all are the proxies', and the first is the client as the outermost one saw it.
 */
export function forwardedEntry(value: string | null, hops: number): string | undefined {
  if (!value || hops < 1) return undefined;
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)];
}

/** The client's IP from `X-Forwarded-For`, when there are trusted proxies. */
export function forwardedIp(request: Request, hops: number): string | undefined {
  return forwardedEntry(request.headers.get('x-forwarded-for'), hops);
}

/**
 * The origin the browser reached: the scheme of `request.url` (or `X-Forwarded-Proto`) with the `Host`
 * header (or `X-Forwarded-Host`), the forwarded ones only from trusted proxies. `request.url`'s own host
 * counts only when there is no `Host` header at all (a `Request` made in code).
 */
export function requestOrigin(request: Request, hops: number): string {
  const url = new URL(request.url);
  const host = forwardedEntry(request.headers.get('x-forwarded-host'), hops) ?? request.headers.get('host') ?? url.host;
  const scheme = forwardedEntry(request.headers.get('x-forwarded-proto'), hops)?.toLowerCase() ?? url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return url.origin;
  try {
    // Normalised as browsers write Origin: lower case, no default port.
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return url.origin;
  }
}
