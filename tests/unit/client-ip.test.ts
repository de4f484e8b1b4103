// Rate-limit keys must not be chosen by the client: the address a proxy
// appended (rightmost X-Forwarded-For hop) counts, never X-Real-IP or the
// forgeable hops to its left.
import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/security/client-ip";

describe("clientIp", () => {
  it("takes the hop the nearest proxy (or Next.js itself) appended", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.4" }))).toBe("198.51.100.4");
  });
  it("with two trusted proxies (a CDN, then a load balancer) takes the second hop from the right", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }), 2)).toBe("203.0.113.9");
  });
  it("ignores X-Real-IP, which any client can send", () => {
    expect(clientIp(new Headers({ "x-real-ip": "1.2.3.4", "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-real-ip": "1.2.3.4" }))).toBe("unknown");
  });
});
