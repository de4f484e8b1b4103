// State-changing route handlers refuse what another site's page makes a
// browser send, and let the app's own pages and non-browser clients through.
import { describe, expect, it } from "vitest";
import { isSameOriginRequest, refuseCrossSite } from "@/lib/security/same-origin";

const APP = "https://portal.example.com";

function post(headers: Record<string, string>, url = "http://10.0.0.5:3000/api/files", method = "POST") {
  return new Request(url, { method, headers });
}

describe("isSameOriginRequest", () => {
  it("lets the app's own pages through: Sec-Fetch-Site same-origin, or the app's Origin", () => {
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-origin", origin: APP }), APP)).toBe(true);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-origin" }), APP)).toBe(true);
    expect(isSameOriginRequest(post({ origin: APP }), APP)).toBe(true);
    // The address the request reached, when APP_URL names another.
    expect(isSameOriginRequest(post({ origin: "http://10.0.0.5:3000" }), APP)).toBe(true);
    expect(isSameOriginRequest(post({ origin: "http://portal.internal:3000", host: "portal.internal:3000" }), APP)).toBe(true);
  });

  it("refuses a cross-site POST, by Sec-Fetch-Site or by Origin", () => {
    expect(isSameOriginRequest(post({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "cross-site" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-site", origin: "https://blog.example.com" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "https://evil.example" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "null" }), APP)).toBe(false);
    // Look-alikes of the app's origin.
    expect(isSameOriginRequest(post({ origin: "https://portal.example.com.evil.example" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "http://portal.example.com" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "https://portal.example.com/" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "https://portal.example.com:8443" }), APP)).toBe(false);
  });

  it("refuses every state-changing method, and leaves reads alone", () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) expect(isSameOriginRequest(post({ origin: "https://evil.example" }, undefined, method), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }, undefined, "GET"), APP)).toBe(true);
  });

  it("lets a client without browser labels through (a server-side integration, curl)", () => {
    expect(isSameOriginRequest(post({}), APP)).toBe(true);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "none" }), APP)).toBe(true);
  });

  it("without APP_URL accepts the default local address", () => {
    expect(isSameOriginRequest(post({ origin: `http://localhost:${process.env.PORT ?? 3000}` }, "http://127.0.0.1:9/api/files"), undefined)).toBe(true);
  });
});

describe("refuseCrossSite", () => {
  it("answers 403 with a message key for a cross-site request, nothing otherwise", async () => {
    const refusal = refuseCrossSite(post({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }));
    expect(refusal?.status).toBe(403);
    expect(await refusal?.json()).toEqual({ error: "errors.crossSiteRequest" });
    expect(refuseCrossSite(post({ "sec-fetch-site": "same-origin" }))).toBeNull();
  });
});
