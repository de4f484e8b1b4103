// Admin-entered names in the viewer's language. A named row (ticket group,
// type, stage, condition, contact option) keeps its base name plus a labels
// JSON { en?, "pt-BR"?, fi? }; a ticket parameter keeps only labels, English
// being its base. The name shown is the viewer's language, else the
// installation's default language, else the base name. No server-only
// imports: forms use it too.
import { z } from "zod";
import { defaultLocale, locales, type Locale } from "./config";

export type Labels = Partial<Record<Locale, string>>;

/** Reads stored labels defensively: anything malformed or blank is left out. */
function parseLabels(value: unknown): Labels {
  const v = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const out: Labels = {};
  for (const l of locales) {
    const text = v[l];
    if (typeof text === "string" && text.trim()) out[l] = text.trim();
  }
  return out;
}

/** The label in `locale`, else in the default language, else `base`. */
export function localizedLabel(labels: unknown, locale: string, base: string): string {
  const parsed = parseLabels(labels);
  return parsed[locale as Locale] ?? parsed[defaultLocale] ?? base;
}

/** A named row's name in `locale` (its labels, falling back to its name). */
export function localizedName(row: { name: string; labels?: unknown }, locale: string): string {
  return localizedLabel(row.labels, locale, row.name);
}

/** The labels stored under one key of a keyed map, such as { "<choice>": { fi } }. */
export function labelsAt(value: unknown, key: string): unknown {
  return value && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Each choice's name in `locale` (the choice itself when it has no translation). */
export function choiceLabels(options: string[], optionLabels: unknown, locale: string): Record<string, string> {
  return Object.fromEntries(options.map((o) => [o, localizedLabel(labelsAt(optionLabels, o), locale, o)]));
}

/**
 * The optional names in each language of a settings form; blank ones are
 * stored as missing, so they fall back. Shared by the forms and the domain.
 */
export function nameLabelsSchema(max = 100) {
  const text = z.string().trim().max(max, "validation.tooLong").optional();
  return z
    .object({ en: text, "pt-BR": text, fi: text })
    .optional()
    .transform((labels): Labels => parseLabels(labels ?? {}));
}

/** The form's values for stored labels: every language present, "" when unset. */
export function labelsFormValues(value: unknown): Record<Locale, string> {
  const parsed = parseLabels(value);
  return { en: parsed.en ?? "", "pt-BR": parsed["pt-BR"] ?? "", fi: parsed.fi ?? "" };
}
