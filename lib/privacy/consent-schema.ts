// The consent part of public forms and the privacy notice form; client-safe
// (zod only), so the browser and the server validate with the same rules.
import { z } from "zod";
import { locales } from "@/lib/i18n/config";

export const PRIVACY_NOTICE_MAX_CHARS = 20_000;

/** An admin saving a new version of the notice in one language; an empty body withdraws it. */
export const privacyNoticeSchema = z.object({
  locale: z.enum(locales, "validation.invalid"),
  body: z.string().trim().max(PRIVACY_NOTICE_MAX_CHARS, "validation.tooLong"),
});
export type PrivacyNoticeInput = z.input<typeof privacyNoticeSchema>;

/**
 * Fields every public form adds. `privacyNoticeId` is the version the form
 * showed ("" when no notice is in force); with one shown, acceptance is
 * required. The news consent is optional and starts unticked.
 */
export const consentFields = {
  privacyNoticeId: z.string().max(64, "validation.invalid").optional().default(""),
  acceptPrivacyNotice: z.boolean("validation.invalid").optional().default(false),
  marketingConsent: z.boolean("validation.invalid").optional().default(false),
};

/** Acceptance is required whenever the form showed a notice. */
export function requireAcceptance<T extends { privacyNoticeId: string; acceptPrivacyNotice: boolean }>(value: T, ctx: z.RefinementCtx): void {
  if (value.privacyNoticeId !== "" && !value.acceptPrivacyNotice)
    ctx.addIssue({ code: "custom", path: ["acceptPrivacyNotice"], message: "privacy.consent.required" });
}

export interface ConsentInput {
  privacyNoticeId?: string;
  acceptPrivacyNotice?: boolean;
  marketingConsent?: boolean;
}
