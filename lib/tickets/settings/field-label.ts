// A parameter's label in the viewer's language (parameters are shown to
// clients in pt-BR, fi or en). English is required and is the base: the
// same resolver as every admin-entered name (lib/i18n/labels), so missing or
// empty translations fall back alike. No server-only imports: forms use it too.
import { localizedLabel } from "@/lib/i18n/labels";

export type FieldLabels = { en: string; "pt-BR"?: string; fi?: string };

/** Reads the stored JSON defensively: anything malformed yields an empty English label. */
export function parseFieldLabels(value: unknown): FieldLabels {
  const v = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const text = (x: unknown) => (typeof x === "string" ? x : "");
  return { en: text(v.en), "pt-BR": text(v["pt-BR"]), fi: text(v.fi) };
}

export function fieldLabel(labels: unknown, locale: string): string {
  return localizedLabel(labels, locale, parseFieldLabels(labels).en);
}
