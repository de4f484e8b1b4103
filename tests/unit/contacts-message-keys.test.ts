// Every message key the Contact us code hands to the UI (errors, notices, zod
// messages) exists in the catalogue: a missing one shows as "This value is not valid".
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";

const root = path.resolve(import.meta.dirname, "../..");

function has(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

describe("contacts message keys", () => {
  it("exist in messages/en.json", () => {
    const files = readdirSync(path.join(root, "lib/contacts")).map((f) => path.join(root, "lib/contacts", f));
    const keys = new Set<string>();
    for (const file of files) {
      const code = readFileSync(file, "utf8")
        .replace(/^\s*\/\/.*$/gm, "") // comments name namespaces, not keys
        .replace(/defineAction\(\{\s*name: "[^"]*"/g, ""); // an action's name is for the logs
      for (const [, key] of code.matchAll(/"((?:contacts|validation|errors|common|files)\.[A-Za-z.]+[A-Za-z])"/g)) keys.add(key);
    }
    expect(keys.size).toBeGreaterThan(10);
    expect([...keys].filter((k) => !has(k))).toEqual([]);
  });
});
