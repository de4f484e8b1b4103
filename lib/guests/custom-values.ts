// GuestRequest.customValues: a snapshot [{ key, label, value }] of the custom
// fields answered, so renaming or removing a field later keeps old requests readable.
export interface GuestCustomValue {
  key: string;
  label: string;
  value: string | boolean;
}

/** The stored snapshot; anything malformed is skipped rather than shown. */
export function customValueList(json: unknown): GuestCustomValue[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (v): v is GuestCustomValue =>
      typeof v === "object" &&
      v !== null &&
      typeof v.key === "string" &&
      typeof v.label === "string" &&
      (typeof v.value === "string" || typeof v.value === "boolean"),
  );
}
