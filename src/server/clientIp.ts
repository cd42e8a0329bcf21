/** The socket address of requests that came through `toNodeListener`, which a Web `Request` cannot carry. */
export const socketAddresses = new WeakMap<Request, string>();
