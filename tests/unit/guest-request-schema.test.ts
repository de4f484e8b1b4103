// The guest form's schema is built from the portal configuration: only
// shown fields are on it, required ones must be filled, and the admin's
// configuration is itself validated.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_GUEST_PORTAL_FIELDS,
  guestPortalFieldsSchema,
  fieldsFromSettings,
  guestPortalSettingsSchema,
  newCustomFieldKey,
  parseGuestPortalFields,
  settingsFormValues,
  type GuestPortalFields,
} from "@/lib/guests/config";
import { buildGuestRequestSchema, emptyGuestRequest, type GuestRequestFormInput } from "@/lib/guests/request-schema";

const options = { maxFileBytes: 1000 };

function config(change: (fields: GuestPortalFields) => void = () => {}): GuestPortalFields {
  const fields = structuredClone(DEFAULT_GUEST_PORTAL_FIELDS);
  change(fields);
  return fields;
}

function errorsOf(fields: GuestPortalFields, input: GuestRequestFormInput): Record<string, string> {
  const result = buildGuestRequestSchema(fields, options).safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

const valid = { title: "Broken window", description: "Room 12, second floor." };

describe("buildGuestRequestSchema", () => {
  it("accepts a submission with the required fields and drops empty optional ones", () => {
    const result = buildGuestRequestSchema(config(), options).parse({ ...emptyGuestRequest(config()), ...valid });
    expect(result).toEqual({ title: "Broken window", description: "Room 12, second floor.", custom: {}, files: [], marketingConsent: false });
  });

  it("refuses an empty required field with a translated key, and a missing key alike", () => {
    expect(errorsOf(config(), { title: "  ", description: "x" })).toEqual({ title: "validation.required" });
    expect(errorsOf(config(), { description: "x" })).toEqual({ title: "validation.required" });
  });

  it("a field becomes required when the admin says so", () => {
    const fields = config((f) => (f.builtIn.phone.required = true));
    expect(errorsOf(config(), valid)).toEqual({});
    expect(errorsOf(fields, valid)).toEqual({ phone: "validation.required" });
    expect(errorsOf(fields, { ...valid, phone: "+55 (11) 5555-0101" })).toEqual({});
  });

  it("a hidden field is not on the form: its value is dropped, and 'required' does not count", () => {
    const fields = config((f) => {
      f.builtIn.location = { shown: false, required: true };
    });
    const parsed = buildGuestRequestSchema(fields, options).parse({ ...valid, location: "smuggled" });
    expect(parsed).not.toHaveProperty("location");
  });

  it("validates the e-mail, phone, lengths, category and priority", () => {
    const fields = config((f) => {
      f.builtIn.category = { shown: true, required: false };
      f.builtIn.priority = { shown: true, required: true };
      f.categories = ["Electrical", "Plumbing"];
    });
    expect(errorsOf(fields, { ...valid, priority: "high", email: "not-an-address" })).toEqual({ email: "validation.email" });
    expect(errorsOf(fields, { ...valid, priority: "high", phone: "call me" })).toEqual({ phone: "guests.errors.phone" });
    expect(errorsOf(fields, { ...valid, priority: "high", title: "x".repeat(201) })).toEqual({ title: "validation.tooLong" });
    expect(errorsOf(fields, { ...valid, priority: "high", category: "Gardening" })).toEqual({ category: "validation.invalid" });
    expect(errorsOf(fields, { ...valid, priority: "whenever" })).toEqual({ priority: "validation.invalid" });
    expect(errorsOf(fields, { ...valid, priority: "" })).toEqual({ priority: "validation.required" });
    const parsed = buildGuestRequestSchema(fields, options).parse({ ...valid, priority: "urgent", category: "Plumbing", email: " ana@example.com " });
    expect(parsed).toMatchObject({ priority: "urgent", category: "Plumbing", email: "ana@example.com" });
  });

  it("custom fields: short text, long text and yes/no, each required or optional, hidden ones dropped", () => {
    const fields = config((f) => {
      f.custom = [
        { key: "f_room", label: "Room", kind: "shortText", shown: true, required: true },
        { key: "f_notes", label: "Notes", kind: "longText", shown: true, required: false },
        { key: "f_urgent", label: "Is anyone at risk?", kind: "yesNo", shown: true, required: true },
        { key: "f_gone", label: "Old", kind: "shortText", shown: false, required: true },
      ];
    });
    expect(errorsOf(fields, { ...valid, custom: { f_room: "", f_notes: "", f_urgent: "" } })).toEqual({
      "custom.f_room": "validation.required",
      "custom.f_urgent": "validation.required",
    });
    expect(errorsOf(fields, { ...valid, custom: { f_room: "12", f_urgent: "maybe" } })).toEqual({ "custom.f_urgent": "validation.invalid" });
    expect(errorsOf(fields, { ...valid, custom: { f_room: "x".repeat(501), f_urgent: "no" } })).toEqual({ "custom.f_room": "validation.tooLong" });
    const parsed = buildGuestRequestSchema(fields, options).parse({ ...valid, custom: { f_room: "12", f_notes: "", f_urgent: "no", f_gone: "x" } });
    expect(parsed.custom).toEqual({ f_room: "12", f_urgent: false });
  });

  it("files: required, at most three, each within the size limit; ignored when the field is hidden", () => {
    const required = config((f) => (f.builtIn.attachment.required = true));
    expect(errorsOf(required, { ...valid, files: [] })).toEqual({ files: "validation.required" });
    expect(errorsOf(required, { ...valid, files: [{ name: "a.png", size: 1001 }] })).toEqual({ "files.0.size": "guests.errors.fileTooLarge" });
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, size: 10 }));
    expect(errorsOf(required, { ...valid, files: four })).toEqual({ files: "guests.errors.tooManyFiles" });
    expect(errorsOf(required, { ...valid, files: [{ name: "a.png", size: 1000 }] })).toEqual({});
    const hidden = config((f) => (f.builtIn.attachment = { shown: false, required: true }));
    expect(buildGuestRequestSchema(hidden, options).parse({ ...valid, files: four }).files).toEqual([]);
  });

  it("never lets the honeypot through as a value", () => {
    expect(buildGuestRequestSchema(config(), options).parse({ ...valid, website: "spam" })).not.toHaveProperty("website");
  });
});

describe("guest portal configuration", () => {
  it("the default configuration is valid", () => {
    expect(guestPortalFieldsSchema.parse(DEFAULT_GUEST_PORTAL_FIELDS)).toEqual(DEFAULT_GUEST_PORTAL_FIELDS);
  });

  it("a stored value that no longer parses reads as the default", () => {
    expect(parseGuestPortalFields({ builtIn: {} })).toEqual(DEFAULT_GUEST_PORTAL_FIELDS);
    expect(parseGuestPortalFields(null)).toEqual(DEFAULT_GUEST_PORTAL_FIELDS);
  });

  it("the admin form edits categories one per line and round-trips", () => {
    const stored = config((f) => (f.categories = ["Electrical", "Plumbing"]));
    const values = settingsFormValues({ enabled: true, welcomeText: "Hi", fields: stored });
    expect(values.categories).toBe("Electrical\nPlumbing");
    const parsed = guestPortalSettingsSchema.parse({ ...values, categories: " Electrical \n\n Plumbing \n" });
    expect(fieldsFromSettings(parsed)).toEqual(stored);
  });

  it("refuses a shown category field without categories, duplicate categories and duplicate custom fields", () => {
    const base = settingsFormValues({ enabled: true, welcomeText: "", fields: config((f) => (f.builtIn.category.shown = true)) });
    const issues = (input: typeof base) => {
      const r = guestPortalSettingsSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues(base)).toEqual(["categories:guests.errors.categoriesNeeded"]);
    expect(issues({ ...base, categories: "Water\nwater" })).toEqual(["categories:guests.errors.duplicateCategory"]);
    const field = { key: "f_a", label: "Room", kind: "shortText" as const, shown: true, required: false };
    expect(issues({ ...base, categories: "Water", custom: [field, { ...field, label: "room" }] })).toEqual([
      "custom.1.key:validation.invalid",
      "custom.1.label:validation.nameTaken",
    ]);
    expect(issues({ ...base, categories: "Water", custom: [{ ...field, key: "Bad Key" }] })).toEqual(["custom.0.key:validation.invalid"]);
    expect(issues({ ...base, categories: "Water", custom: [{ ...field, label: " " }] })).toEqual(["custom.0.label:validation.required"]);
    expect(issues({ ...base, categories: "x".repeat(101) })).toEqual(["categories:validation.tooLong"]);
    expect(issues({ ...base, categories: Array.from({ length: 51 }, (_, i) => `c${i}`).join("\n") })).toEqual(["categories:guests.errors.tooManyCategories"]);
  });

  it("new custom field keys are valid and distinct", () => {
    const keys = new Set(Array.from({ length: 50 }, () => newCustomFieldKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(guestPortalFieldsSchema.shape.custom.element.shape.key.safeParse(key).success).toBe(true);
  });
});
