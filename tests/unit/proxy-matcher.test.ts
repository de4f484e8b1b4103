// The proxy runs for pages (return URL header, login redirect) and never for
// API routes: those check access themselves, and uploads to them must not hit
// the proxy's request-body buffering limit.
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

const runsFor = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe("proxy matcher", () => {
  it("covers pages and leaves API routes and static assets alone", () => {
    for (const page of ["/", "/portal", "/portal/tickets/12", "/admin/guest-requests", "/g/abc", "/login"]) expect(runsFor(page)).toBe(true);
    for (const api of ["/api/files", "/api/guest/abc", "/api/health", "/api/auth/csrf", "/_next/static/x.js"]) expect(runsFor(api)).toBe(false);
  });
});
