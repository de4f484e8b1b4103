"use server";

// The public sign-up form and the private link's cancel button. Abuse guards
// (lib/security/public-form-guard.ts) run before the domain.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { clientIp } from "@/lib/security/client-ip";
import { refusePublicSubmission } from "@/lib/security/public-form-guard";
import { publicRegistrationLimit } from "./public-registration-limit";
import { cancelRegistration, registerForPublicEvent } from "./registration";
import { registrationLinkLimits, resendPrivateLinks } from "./resend-link";
import { registrationLinkSchema, type RegistrationLinkInput } from "./resend-link-schema";
import { publicRegistrationSchema, type PublicRegistrationInput } from "./schemas";

/** `proof` is the proof-of-work solution the browser found (lib/security/proof-of-work.ts). */
export async function registerPubliclyAction(slug: string, input: PublicRegistrationInput, proof?: string): Promise<ActionResult> {
  const parsed = publicRegistrationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const refusal = await refusePublicSubmission(db, { form: "public-registration", ip: clientIp(await headers()), honeypot: parsed.data.website, limit: publicRegistrationLimit(), proof: { form: "public-registration", payload: proof } });
  if (refusal) return { ok: false, formError: refusal };
  let token: string | undefined;
  try {
    const { name, email, cpf, answers } = parsed.data;
    const result = await registerForPublicEvent(db, slug, { source: "PUBLIC", name, email, cpf, locale: await getLocale() }, answers);
    await notifyOutbox(result.emailIds);
    token = result.accessToken;
  } catch (error) {
    return fromDomainError(error);
  }
  redirect(`/e/${encodeURIComponent(slug)}/r/${token}?new=1`);
}

/**
 * "Send me my link again": after the guards, the same answer whatever the
 * address (registered, unknown, or past its limit).
 */
export async function resendPrivateLinkAction(slug: string, input: RegistrationLinkInput, proof?: string): Promise<ActionResult> {
  const parsed = registrationLinkSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const refusal = await refusePublicSubmission(db, { form: "registration-link", ip: clientIp(await headers()), honeypot: parsed.data.website, limit: registrationLinkLimits().perIp, proof: { form: "registration-link", payload: proof } });
  if (refusal) return { ok: false, formError: refusal };
  // The same answer in the same time whether or not the address is registered:
  // the lookup, the new links and the e-mails are written after the response.
  const { email } = parsed.data;
  after(async () => {
    try {
      await notifyOutbox(await resendPrivateLinks(db, String(slug), email));
    } catch (error) {
      console.error("[events] sending a private link again failed", error);
    }
  });
  return { ok: true, message: { key: "events.public.linkSent" } };
}

export async function cancelPublicRegistrationAction(token: string, registrationId: string): Promise<ActionResult> {
  try {
    const result = await cancelRegistration(db, { accessToken: token }, registrationId);
    await notifyOutbox(result.emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  return { ok: true, message: { key: "events.public.cancelled" } };
}
