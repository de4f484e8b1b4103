// Request-size limits shared by next.config.ts and the proxy. No imports: the
// Next.js configuration loads this file too.

/** Largest server action request (next.config.ts serverActions.bodySizeLimit); larger ones get 413 in proxy.ts. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * How much of a request body Next.js buffers for the proxy. Just above the
 * server action limit, so the proxy can still tell a body past that limit,
 * and nothing larger is held in memory.
 */
export const PROXY_BODY_BUFFER_LIMIT = SERVER_ACTION_BODY_LIMIT + 64 * 1024;
