// A parameter's label in the viewer's language (parameters are shown to
// clients in pt-BR, fi or en). Missing or empty translations fall back to
// English, which is required. No server-only imports: forms use it too.
export type FieldLabels = { en: string; "pt-BR"?: string; fi?: string };

/** Reads the stored JSON defensively: anything malformed yields an empty English label. */
export function parseFieldLabels(value: unknown): FieldLabels {
  const v = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const text = (x: unknown) => (typeof x === "string" ? x : "");
  return { en: text(v.en), "pt-BR": text(v["pt-BR"]), fi: text(v.fi) };
}

export function fieldLabel(labels: unknown, locale: string): string {
  const parsed = parseFieldLabels(labels);
  const own = locale === "pt-BR" || locale === "fi" ? parsed[locale] : parsed.en;
  return own?.trim() ? own : parsed.en;
}
