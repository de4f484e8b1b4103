// The translated catalogues must mirror messages/en.json: same keys, same ICU
// arguments, valid plural categories, and no text left in English.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";

type Catalogue = { [key: string]: string | Catalogue };

const messagesDir = path.resolve(import.meta.dirname, "../../messages");

function load(locale: string): Catalogue {
  return JSON.parse(readFileSync(path.join(messagesDir, `${locale}.json`), "utf8")) as Catalogue;
}

/** { "a": { "b": "x" } } -> { "a.b": "x" }. Non-string leaves are kept as-is so the test can flag them. */
function flatten(catalogue: Catalogue, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) Object.assign(out, flatten(value, full));
    else out[full] = value;
  }
  return out;
}

/** Every argument a message uses (including those nested inside plural/select branches), as "name:kind". */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        found.add(`${el.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.add(`${el.value}:${TYPE[el.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        found.add(`${el.value}:${el.type === TYPE.select ? "select" : el.pluralType === "ordinal" ? "selectordinal" : "plural"}`);
        for (const option of Object.values(el.options)) argumentsOf(option.value, found);
        break;
      case TYPE.tag:
        found.add(`<${el.value}>:tag`);
        argumentsOf(el.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

/** Plural/select blocks with their option keys, to check the categories against the locale's rules. */
function pluralBlocks(elements: MessageFormatElement[], found: { name: string; ordinal: boolean; options: string[] }[] = []) {
  for (const el of elements) {
    if (el.type === TYPE.plural) found.push({ name: el.value, ordinal: el.pluralType === "ordinal", options: Object.keys(el.options) });
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) pluralBlocks(option.value, found);
    if (el.type === TYPE.tag) pluralBlocks(el.children, found);
  }
  return found;
}

function selectOptions(elements: MessageFormatElement[], found: Record<string, string[]> = {}) {
  for (const el of elements) {
    if (el.type === TYPE.select) found[el.value] = Object.keys(el.options).sort();
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) selectOptions(option.value, found);
    if (el.type === TYPE.tag) selectOptions(el.children, found);
  }
  return found;
}

/** Values that are legitimately the same as in English (names, codes, loanwords used as-is). */
const SAME_AS_ENGLISH: Record<string, ReadonlySet<string>> = {
  "pt-BR": new Set(["Portico", "E-mail", "CNPJ/CPF", "CPF", "Status", "Prospect", "HTML", "Portal", "Professor", "—"]),
  fi: new Set(["Portico", "CNPJ/CPF", "CPF", "HTML", "—"]),
};

const REQUIRED: Record<string, Record<string, string>> = {
  "pt-BR": { "common.signOut": "Sair", "auth.signIn": "Entrar" },
  fi: { "common.signOut": "Kirjaudu ulos", "common.language": "Kieli" },
};

const en = flatten(load("en"));

describe.each(["pt-BR", "fi"])("messages/%s.json", (locale) => {
  const messages = flatten(load(locale));

  it("has exactly the keys of en.json", () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
  });

  it("has only non-empty string values", () => {
    const bad = Object.entries(messages)
      .filter(([, v]) => typeof v !== "string" || v.trim() === "")
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it("uses the same ICU arguments as English in every message", () => {
    const mismatches: string[] = [];
    for (const [key, source] of Object.entries(en)) {
      const target = messages[key];
      if (typeof source !== "string" || typeof target !== "string") continue;
      let parsed: MessageFormatElement[];
      try {
        parsed = parse(target);
      } catch (error) {
        mismatches.push(`${key}: does not parse (${(error as Error).message})`);
        continue;
      }
      const want = [...argumentsOf(parse(source))].map((a) => a.split(":")[0]).sort();
      const got = [...argumentsOf(parsed)].map((a) => a.split(":")[0]).sort();
      if (JSON.stringify([...new Set(want)]) !== JSON.stringify([...new Set(got)])) {
        mismatches.push(`${key}: expected {${want.join(", ")}} got {${got.join(", ")}}`);
      }
      // plural/select arguments must stay plural/select (a plain {count} cannot replace a plural block's branches).
      const kinds = (set: Set<string>) => [...set].filter((a) => /:(plural|selectordinal|select)$/.test(a)).sort();
      const wantKinds = kinds(argumentsOf(parse(source)));
      const gotKinds = kinds(argumentsOf(parsed));
      if (JSON.stringify(wantKinds) !== JSON.stringify(gotKinds)) mismatches.push(`${key}: plural/select ${wantKinds} vs ${gotKinds}`);
      const wantSelect = selectOptions(parse(source));
      const gotSelect = selectOptions(parsed);
      if (JSON.stringify(wantSelect) !== JSON.stringify(gotSelect)) mismatches.push(`${key}: select options differ`);
    }
    expect(mismatches).toEqual([]);
  });

  it("uses only plural categories that exist in the language, always with 'other'", () => {
    const problems: string[] = [];
    const rules = {
      cardinal: new Set<string>(new Intl.PluralRules(locale, { type: "cardinal" }).resolvedOptions().pluralCategories),
      ordinal: new Set<string>(new Intl.PluralRules(locale, { type: "ordinal" }).resolvedOptions().pluralCategories),
    };
    for (const [key, value] of Object.entries(messages)) {
      if (typeof value !== "string") continue;
      let parsed: MessageFormatElement[];
      try {
        parsed = parse(value);
      } catch {
        continue; // reported by the argument test
      }
      for (const block of pluralBlocks(parsed)) {
        const allowed = block.ordinal ? rules.ordinal : rules.cardinal;
        if (!block.options.includes("other")) problems.push(`${key}: {${block.name}} lacks "other"`);
        for (const option of block.options) {
          if (!/^=\d+$/.test(option) && !allowed.has(option)) problems.push(`${key}: {${block.name}} has category "${option}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("translates every message (apart from a short allow-list)", () => {
    const untranslated = Object.entries(messages)
      .filter(([key, value]) => value === en[key] && !SAME_AS_ENGLISH[locale].has(value as string))
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    expect(untranslated).toEqual([]);
  });

  it("has the exact strings other tests rely on", () => {
    for (const [key, value] of Object.entries(REQUIRED[locale])) expect(messages[key], key).toBe(value);
  });
});
