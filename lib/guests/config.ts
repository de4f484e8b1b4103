// The guest portal's form configuration (admins choose the fields shown to the
// requester and which are required). Stored in GuestPortal.fields as JSON and
// validated by these schemas; client-safe (zod only), so the admin form and the
// public form share them.
import { z } from "zod";

/** The built-in fields; all but "attachment" are columns of GuestRequest. */
export const GUEST_BUILT_IN_FIELDS = [
  "requesterName",
  "email",
  "phone",
  "location",
  "asset",
  "category",
  "priority",
  "title",
  "description",
  "attachment",
] as const;
export type GuestBuiltInField = (typeof GUEST_BUILT_IN_FIELDS)[number];

export const GUEST_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type GuestPriority = (typeof GUEST_PRIORITIES)[number];

export const GUEST_CUSTOM_KINDS = ["shortText", "longText", "yesNo"] as const;

/** Photos or files per request. */
export const GUEST_MAX_FILES = 3;
const GUEST_MAX_CATEGORIES = 50;
export const GUEST_MAX_CUSTOM_FIELDS = 20;

/** A custom field's key: stable across label edits, used as the form field's name. */
const GUEST_CUSTOM_KEY = /^[a-z][a-z0-9_]{1,39}$/;

const fieldRuleSchema = z.object({ shown: z.boolean(), required: z.boolean() });
export type GuestFieldRule = z.infer<typeof fieldRuleSchema>;

const builtInSchema = z.object(
  Object.fromEntries(GUEST_BUILT_IN_FIELDS.map((key) => [key, fieldRuleSchema])) as Record<GuestBuiltInField, typeof fieldRuleSchema>,
);

const guestCustomFieldSchema = z.object({
  key: z.string().regex(GUEST_CUSTOM_KEY, "validation.invalid"),
  label: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  kind: z.enum(GUEST_CUSTOM_KINDS, "validation.invalid"),
  shown: z.boolean(),
  required: z.boolean(),
});
export type GuestCustomField = z.infer<typeof guestCustomFieldSchema>;

const categoryName = z.string().trim().min(1, "validation.required").max(100, "validation.tooLong");

type FieldsShape = { builtIn: Record<GuestBuiltInField, GuestFieldRule>; categories: string[]; custom: GuestCustomField[] };

/** Rules across fields, shared by the stored shape and the admin form. */
function checkFields(value: FieldsShape, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  for (const name of value.categories) {
    const folded = name.toLocaleLowerCase();
    if (seen.has(folded)) ctx.addIssue({ code: "custom", path: ["categories"], message: "guests.errors.duplicateCategory" });
    seen.add(folded);
  }
  // A category field with nothing to choose could never be filled in.
  if (value.builtIn.category.shown && value.categories.length === 0) {
    ctx.addIssue({ code: "custom", path: ["categories"], message: "guests.errors.categoriesNeeded" });
  }
  const keys = new Set<string>();
  const labels = new Set<string>();
  value.custom.forEach((field, index) => {
    if (keys.has(field.key)) ctx.addIssue({ code: "custom", path: ["custom", index, "key"], message: "validation.invalid" });
    if (labels.has(field.label.toLocaleLowerCase())) ctx.addIssue({ code: "custom", path: ["custom", index, "label"], message: "validation.nameTaken" });
    keys.add(field.key);
    labels.add(field.label.toLocaleLowerCase());
  });
}

/** What GuestPortal.fields holds. */
export const guestPortalFieldsSchema = z
  .object({
    builtIn: builtInSchema,
    categories: z.array(categoryName).max(GUEST_MAX_CATEGORIES, "validation.invalid"),
    custom: z.array(guestCustomFieldSchema).max(GUEST_MAX_CUSTOM_FIELDS, "validation.invalid"),
  })
  .superRefine(checkFields);
export type GuestPortalFields = z.infer<typeof guestPortalFieldsSchema>;

/** A new portal: the essentials shown, a title and a description required. */
export const DEFAULT_GUEST_PORTAL_FIELDS: GuestPortalFields = {
  builtIn: {
    requesterName: { shown: true, required: false },
    email: { shown: true, required: false },
    phone: { shown: true, required: false },
    location: { shown: true, required: false },
    asset: { shown: false, required: false },
    category: { shown: false, required: false },
    priority: { shown: false, required: false },
    title: { shown: true, required: true },
    description: { shown: true, required: true },
    attachment: { shown: true, required: false },
  },
  categories: [],
  custom: [],
};

/** The stored configuration; a value that no longer parses reads as the default (never breaks the form). */
export function parseGuestPortalFields(json: unknown): GuestPortalFields {
  const parsed = guestPortalFieldsSchema.safeParse(json);
  return parsed.success ? parsed.data : DEFAULT_GUEST_PORTAL_FIELDS;
}

/** Is the field on the form, and must it be filled? (Required only counts for a shown field.) */
export function fieldState(rule: GuestFieldRule): "hidden" | "optional" | "required" {
  return !rule.shown ? "hidden" : rule.required ? "required" : "optional";
}

/** The category choices as the admin types them: one per line, blank lines ignored. */
export function categoryLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The admin form. Categories are edited one per line and stay text here (no
 * transform), so the form's values and the server action's input have one shape.
 */
export const guestPortalSettingsSchema = z
  .object({
    enabled: z.boolean(),
    welcomeText: z.string().trim().max(2000, "validation.tooLong"),
    builtIn: builtInSchema,
    categories: z.string().max(10_000, "validation.tooLong"),
    custom: z.array(guestCustomFieldSchema).max(GUEST_MAX_CUSTOM_FIELDS, "guests.errors.tooManyCustomFields"),
  })
  .superRefine((value, ctx) => {
    const categories = categoryLines(value.categories);
    if (categories.length > GUEST_MAX_CATEGORIES) ctx.addIssue({ code: "custom", path: ["categories"], message: "guests.errors.tooManyCategories" });
    if (categories.some((c) => c.length > 100)) ctx.addIssue({ code: "custom", path: ["categories"], message: "validation.tooLong" });
    checkFields({ ...value, categories }, ctx);
  });
export type GuestPortalSettingsInput = z.input<typeof guestPortalSettingsSchema>;
export type GuestPortalSettings = z.output<typeof guestPortalSettingsSchema>;

/** The stored fields of a valid admin form. */
export function fieldsFromSettings(settings: GuestPortalSettings): GuestPortalFields {
  return guestPortalFieldsSchema.parse({ builtIn: settings.builtIn, categories: categoryLines(settings.categories), custom: settings.custom });
}

/** The admin form's values for a stored configuration. */
export function settingsFormValues(portal: { enabled: boolean; welcomeText: string; fields: GuestPortalFields }): GuestPortalSettingsInput {
  return {
    enabled: portal.enabled,
    welcomeText: portal.welcomeText,
    builtIn: portal.fields.builtIn,
    categories: portal.fields.categories.join("\n"),
    custom: portal.fields.custom,
  };
}

/** A fresh key for a new custom field (the label may change later; the key never does). */
export function newCustomFieldKey(random: () => number = Math.random): string {
  return `f_${Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, "0")}`;
}
