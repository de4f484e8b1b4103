// Pages get a Content-Security-Policy with a fresh script nonce (never
// 'unsafe-inline' for scripts); Next.js finds the same nonce in the request's
// CSP header. HSTS follows APP_URL.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/security/csp";
import { proxy } from "@/proxy";

const page = (path = "/login", cookie = "") => new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

function scriptSrc(policy: string | null) {
  return (
    policy
      ?.split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? ""
  );
}

const appUrl = process.env.APP_URL;
afterEach(() => {
  if (appUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = appUrl;
});

describe("proxy security headers", () => {
  it("sets a CSP with a per-request nonce and no 'unsafe-inline' scripts, and hands the nonce to the page render", async () => {
    const first = await proxy(page());
    const policy = first.headers.get("content-security-policy");
    const script = scriptSrc(policy);
    const nonce = script.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(nonce!.length).toBeGreaterThanOrEqual(22);
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    // The request headers the page renders with (Next.js reads the nonce from the CSP one).
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);

    const second = await proxy(page());
    expect(scriptSrc(second.headers.get("content-security-policy"))).not.toContain(nonce);
  });

  it("sets the CSP on the login redirect too", async () => {
    const redirect = await proxy(page("/portal/tickets"));
    expect(redirect.status).toBe(307);
    expect(scriptSrc(redirect.headers.get("content-security-policy"))).toMatch(/'nonce-/);
  });

  it("sends HSTS only when APP_URL is https", async () => {
    process.env.APP_URL = "https://portal.example.com";
    expect((await proxy(page())).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    process.env.APP_URL = "http://localhost:3000";
    expect((await proxy(page())).headers.get("strict-transport-security")).toBeNull();
    delete process.env.APP_URL;
    expect(strictTransportSecurity()).toBeNull();
  });

  it("gives route handlers a policy without any inline script", () => {
    expect(scriptSrc(contentSecurityPolicy(null))).toBe("script-src 'self'");
    expect(scriptSrc(contentSecurityPolicy("abc", { dev: true }))).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
  });
});
