// The return URL after sign-in comes from the query string: whatever its
// encoding, the browser must end up on this origin, inside the user's own area.
import { describe, expect, it } from "vitest";
import { resolveCallbackUrl } from "@/lib/auth/callback-url";

const ORIGIN = "http://portico.test:3000";
const resolve = (callbackUrl: unknown, home = "/portal") => resolveCallbackUrl(callbackUrl, home, ORIGIN);

/** Where a browser goes when told `Location: <target>` by a page on ORIGIN. */
const landing = (target: string) => new URL(target, `${ORIGIN}/login`);

describe("resolveCallbackUrl", () => {
  it.each([
    ["/portal", "/portal"],
    ["/portal/tickets", "/portal/tickets"],
    ["/portal/tickets?status=open&page=2", "/portal/tickets?status=open&page=2"],
    ["/portal/events/abc#seats", "/portal/events/abc#seats"],
    // Dot segments inside the area are resolved, not refused.
    ["/portal/tickets/../events", "/portal/events"],
    [`${ORIGIN}/portal/profile`, "/portal/profile"],
  ])("keeps %s on the origin as %s", (callbackUrl, expected) => {
    expect(resolve(callbackUrl)).toBe(expected);
  });

  const hostile = [
    // Dot segments that climb out of the area, plain and percent-encoded.
    "/portal/..//evil.example/y",
    "/portal/../..//evil.example/y",
    "/portal/%2e%2e//evil.example/y",
    "/portal/%2E%2E//evil.example/y",
    "/portal/.%2e//evil.example/y",
    "/portal/%2e%2e/admin",
    "/portal/../admin/outbox",
    // Backslashes (browsers read them as slashes), plain and encoded.
    "/portal/..\\\\evil.example/y",
    "/portal\\..\\..\\\\evil.example",
    "\\\\evil.example/portal",
    "/\\evil.example/portal",
    "\\/evil.example/portal",
    "/portal/..%5c%5cevil.example",
    "%5c%5cevil.example/portal",
    "/portal/%2f%2fevil.example",
    "/portal/..%2F..%2F%2Fevil.example",
    // Protocol-relative and absolute URLs elsewhere.
    "//evil.example/portal",
    "///evil.example/portal",
    "//evil.example",
    "http://evil.example/portal",
    "https://evil.example/portal",
    "http://portico.test:3000@evil.example/portal",
    "http://evil.example\\@portico.test:3000/portal",
    "http://user:pass@portico.test:3000/portal",
    "https://portico.test:3000/portal",
    "http://portico.test:3001/portal",
    "ftp://portico.test:3000/portal",
    // Scripts and data.
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)//portal",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    // Tabs, newlines and other controls the parser strips or rewrites.
    "/\t/evil.example/portal",
    "/\n/evil.example/portal",
    "/\r\n/evil.example/portal",
    "/portal/\t..\t/..//evil.example",
    "\u0000//evil.example/portal",
    " //evil.example/portal",
    // Another area, lookalike prefixes, nothing useful.
    "/admin",
    "/admin/outbox",
    "/portalx",
    "/portal.evil.example",
    "portal",
    "evil.example",
    "",
    undefined,
    null,
    42,
    "/" + "a".repeat(3000),
  ];

  it.each(hostile.map((value) => [JSON.stringify(value) ?? String(value), value]))("sends %s to the area's home", (_label, callbackUrl) => {
    expect(resolve(callbackUrl)).toBe("/portal");
  });

  it("whatever it returns, a browser stays on the origin and inside the area", () => {
    for (const callbackUrl of hostile) {
      const url = landing(resolve(callbackUrl));
      expect(url.origin).toBe(ORIGIN);
      expect(url.pathname === "/portal" || url.pathname.startsWith("/portal/")).toBe(true);
    }
  });

  it("holds for staff and their area too", () => {
    expect(resolve("/admin/outbox?q=x", "/admin")).toBe("/admin/outbox?q=x");
    expect(resolve("/admin/..//evil.example", "/admin")).toBe("/admin");
    expect(resolve("/portal/tickets", "/admin")).toBe("/admin");
    expect(resolve("/administrator", "/admin")).toBe("/admin");
  });

  it("resolves against APP_URL's origin by default", () => {
    const saved = process.env.APP_URL;
    process.env.APP_URL = "https://portal.example.com/";
    try {
      expect(resolveCallbackUrl("/portal/tickets", "/portal")).toBe("/portal/tickets");
      expect(resolveCallbackUrl("https://portal.example.com/portal/x", "/portal")).toBe("/portal/x");
      expect(resolveCallbackUrl("https://evil.example/portal/x", "/portal")).toBe("/portal");
    } finally {
      if (saved === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = saved;
    }
  });
});
