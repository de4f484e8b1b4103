// The public guest form's schema, built from the portal's configuration: the
// browser validates with it (zodResolver) and the server validates the submitted
// multipart form with the very same function, so a rule cannot differ between
// the two. Hidden fields are not in the schema, so their values are dropped.
// Client-safe: zod only.
import { z } from "zod";
import {
  fieldState,
  GUEST_MAX_FILES,
  GUEST_PRIORITIES,
  type GuestCustomField,
  type GuestFieldRule,
  type GuestPortalFields,
  type GuestPriority,
} from "./config";

interface GuestFileMeta {
  name: string;
  size: number;
}

type TextFieldName = "requesterName" | "email" | "phone" | "location" | "asset" | "category" | "title" | "description";

/** What the form holds (every input is a string; files as name and size). */
export type GuestRequestFormInput = Partial<Record<TextFieldName | "priority", string>> & {
  custom?: Record<string, string>;
  files?: GuestFileMeta[];
  /** The honeypot: people never fill it. */
  website?: string;
  /** The privacy notice shown ("" for none), its acceptance and the optional news consent. */
  privacyNoticeId?: string;
  acceptPrivacyNotice?: boolean;
  marketingConsent?: boolean;
};

/** What a valid submission is. Empty optional fields come out as undefined. */
export type GuestRequestValues = Partial<Record<TextFieldName, string>> & {
  priority?: GuestPriority;
  custom: Record<string, string | boolean>;
  files: GuestFileMeta[];
  acceptPrivacyNotice?: boolean;
  marketingConsent: boolean;
};

export interface GuestSchemaOptions {
  /** The upload size limit (lib/storage uploadMaxBytes), passed in because the browser cannot read it. */
  maxFileBytes: number;
  /** The privacy notice in force, which the requester must accept; absent when none. */
  privacyNoticeId?: string;
}

/** Text limits of the built-in fields. */
const GUEST_TEXT_LIMITS = { requesterName: 200, email: 254, phone: 40, location: 200, asset: 200, title: 200, description: 5000 } as const;
const CUSTOM_LIMITS = { shortText: 500, longText: 5000 } as const;

/** Any input as a trimmed string; a missing key reads as "". */
const given = z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string("validation.invalid")).pipe(z.string().trim());

/** A string field checked by `base`; when optional, "" means "not given" and comes out as undefined. */
function text<T>(rule: GuestFieldRule, base: z.ZodType<T, string>) {
  if (fieldState(rule) === "required") return given.pipe(z.string().min(1, "validation.required")).pipe(base);
  return given.transform((v) => v || undefined).pipe(base.optional());
}

const limited = (max: number) => z.string().max(max, "validation.tooLong");

/** A checkbox: a boolean from the browser's form, "yes" from the multipart body; anything else is unticked. */
const ticked = z.preprocess((v) => v === true || v === "yes", z.boolean());

/** One of a fixed list of choices (category, priority). */
function choice<T extends string>(rule: GuestFieldRule, options: readonly T[]) {
  return text(
    rule,
    z.string().refine((v): v is T => (options as readonly string[]).includes(v), "validation.invalid"),
  );
}

function yesNo(rule: GuestFieldRule) {
  return text(
    rule,
    z.enum(["yes", "no"], "validation.invalid").transform((v) => v === "yes"),
  );
}

function customField(field: GuestCustomField) {
  return field.kind === "yesNo" ? yesNo(field) : text(field, limited(CUSTOM_LIMITS[field.kind]));
}

function files(rule: GuestFieldRule, { maxFileBytes }: GuestSchemaOptions) {
  const file = z.object({ name: z.string().max(255, "validation.tooLong"), size: z.number().max(maxFileBytes, "guests.errors.fileTooLarge") });
  const list = z.array(file).max(GUEST_MAX_FILES, "guests.errors.tooManyFiles");
  return z.preprocess((v) => v ?? [], fieldState(rule) === "required" ? list.min(1, "validation.required") : list);
}

export function buildGuestRequestSchema(fields: GuestPortalFields, options: GuestSchemaOptions): z.ZodType<GuestRequestValues, GuestRequestFormInput> {
  const b = fields.builtIn;
  const shape: Record<string, z.ZodType> = {};
  const textFields = ["requesterName", "location", "asset", "title", "description"] as const;
  for (const key of textFields) if (b[key].shown) shape[key] = text(b[key], limited(GUEST_TEXT_LIMITS[key]));
  if (b.phone.shown) shape.phone = text(b.phone, limited(GUEST_TEXT_LIMITS.phone).regex(/^[+()0-9\s./-]*$/, "guests.errors.phone"));
  if (b.email.shown) shape.email = text(b.email, limited(GUEST_TEXT_LIMITS.email).pipe(z.email("validation.email")));
  if (b.category.shown) shape.category = choice(b.category, fields.categories);
  if (b.priority.shown) shape.priority = choice(b.priority, GUEST_PRIORITIES);
  const custom: Record<string, z.ZodType> = {};
  for (const field of fields.custom) if (field.shown) custom[field.key] = customField(field);
  shape.custom = z
    .preprocess((v) => v ?? {}, z.object(custom))
    .transform((values) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
  shape.files = b.attachment.shown ? files(b.attachment, options) : z.any().transform((): GuestFileMeta[] => []);
  if (options.privacyNoticeId) shape.acceptPrivacyNotice = ticked.refine((v) => v, "privacy.consent.required");
  shape.marketingConsent = ticked;
  // No "website": the honeypot is checked on the raw form and never becomes a value (z.object strips it).
  return z.object(shape) as unknown as z.ZodType<GuestRequestValues, GuestRequestFormInput>;
}

/** The default values of the form for a configuration (every shown field empty). */
export function emptyGuestRequest(fields: GuestPortalFields): GuestRequestFormInput {
  const custom = Object.fromEntries(fields.custom.filter((f) => f.shown).map((f) => [f.key, ""]));
  return {
    requesterName: "",
    email: "",
    phone: "",
    location: "",
    asset: "",
    category: "",
    priority: "",
    title: "",
    description: "",
    custom,
    files: [],
    website: "",
    acceptPrivacyNotice: false,
    marketingConsent: false,
  };
}
