// The Content-Security-Policy and HSTS headers. Pages get a fresh nonce per
// request from proxy.ts: Next.js reads it from the request's CSP header and puts
// it on every script it renders, so no inline script runs without it. Other
// responses (route handlers) run no script at all. No imports: next.config.ts
// loads this file too.

export interface PolicyOptions {
  /** Next.js's development server evaluates code (React Refresh). */
  dev?: boolean;
}

/** script-src with the page's nonce, or 'self' alone for responses that are not pages. */
export function contentSecurityPolicy(nonce: string | null, options: PolicyOptions = {}): string {
  const scripts = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"];
  if (options.dev) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // React and a few components set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and a valid CSP nonce source. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Strict-Transport-Security when the app's public address is https, else null. */
export function strictTransportSecurity(appUrl: string | undefined = process.env.APP_URL): string | null {
  return appUrl?.trim().toLowerCase().startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}
