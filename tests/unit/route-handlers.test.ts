// Every route handler under app/api follows the same rules, so a new one
// cannot forget them: state-changing methods refuse cross-site requests
// (lib/security/same-origin.ts), and bodies are read only through the bounded
// reader (lib/http/read-body.ts). Auth.js's endpoints have their own CSRF token.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const apiDir = path.resolve(import.meta.dirname, "../../app/api");
const routes = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
  .filter((f) => /(^|\/)route\.tsx?$/.test(f))
  .map((f) => ({ file: `app/api/${f}`, source: readFileSync(path.join(apiDir, f), "utf8") }));

const STATE_CHANGING = /export\s+(async\s+)?function\s+(POST|PUT|PATCH|DELETE)\b|export\s+const\s+(POST|PUT|PATCH|DELETE)\b/;
const isAuthJs = (file: string) => file.startsWith("app/api/auth/");

describe("route handlers under app/api", () => {
  it("are found", () => {
    expect(routes.map((r) => r.file)).toContain("app/api/files/route.ts");
  });

  it("check the origin in every state-changing method", () => {
    const missing = routes.filter((r) => !isAuthJs(r.file) && STATE_CHANGING.test(r.source) && !/refuseCrossSite\(request\)/.test(r.source));
    expect(missing.map((r) => r.file)).toEqual([]);
  });

  it("never read a body without a limit", () => {
    const unbounded = routes.filter((r) => /request\.(json|formData|text|arrayBuffer|blob)\(\)/.test(r.source));
    expect(unbounded.map((r) => r.file)).toEqual([]);
  });
});
