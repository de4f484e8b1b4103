import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PROXY_BODY_BUFFER_LIMIT, SERVER_ACTION_BODY_LIMIT } from "./lib/http/limits";
import { contentSecurityPolicy } from "./lib/security/csp";

// Pages get their Content-Security-Policy, with a fresh script nonce, from
// proxy.ts (so do Strict-Transport-Security, which follows APP_URL at run
// time). Route handlers, which the proxy leaves alone, run no script at all.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
    // Server actions take forms, never files (uploads go to POST /api/files).
    // proxy.ts answers 413 past this limit (Next.js itself would answer 500),
    // and Next.js buffers no more than that for the proxy.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: PROXY_BODY_BUFFER_LIMIT,
  },
  // Native, WebAssembly or file-reading packages stay in node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "pg-boss", "@node-rs/argon2", "@react-pdf/renderer"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The check-in page scans participants' QR codes with the phone's camera (a later rule wins for the same header).
      { source: "/admin/events/:id/check-in", headers: [{ key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy(null) }] },
    ];
  },
};

export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
