"use server";

// The public sign-up form, "send me my link again" and the private link's
// cancel button (shape: lib/actions/define-action.ts). Abuse guards
// (lib/security/public-form-guard.ts) run before the domain.
import { headers } from "next/headers";
import { after } from "next/server";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { anyone, defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { recordId } from "@/lib/forms/record-id";
import { notifyOutbox } from "@/lib/jobs/notify";
import { clientIp } from "@/lib/security/client-ip";
import { MAX_PROOF_CHARS } from "@/lib/security/proof-of-work";
import { refusePublicSubmission, type PublicSubmission } from "@/lib/security/public-form-guard";
import { MAX_TOKEN_LENGTH } from "./private-links";
import { publicRegistrationLimit } from "./public-registration-limit";
import { cancelRegistration, registerForPublicEvent } from "./registration";
import { registrationLinkLimits, resendPrivateLinks } from "./resend-link";
import { registrationLinkSchema } from "./resend-link-schema";
import { publicRegistrationSchema } from "./schemas";

const slugArg = z.string().min(1).max(200);
const tokenArg = z.string().min(1).max(MAX_TOKEN_LENGTH);
/** The proof-of-work solution the browser found (lib/security/proof-of-work.ts); checked by the guard. */
const proofArg = z.string().max(MAX_PROOF_CHARS).optional();

async function guard(submission: Omit<PublicSubmission, "ip">) {
  const refusal = await refusePublicSubmission(db, { ...submission, ip: clientIp(await headers()) });
  if (refusal) throw new DomainError(refusal.key, refusal.values);
}

export const registerPubliclyAction = defineAction({
  name: "events.registerPublicly",
  guard: anyone,
  args: [slugArg, proofArg],
  input: publicRegistrationSchema,
  run: async ({ args: [slug, proof], input }) => {
    await guard({
      form: "public-registration",
      honeypot: input.website,
      limit: publicRegistrationLimit(),
      proof: { form: "public-registration", payload: proof },
    });
    const { name, email, cpf, answers } = input;
    const result = await registerForPublicEvent(db, slug, { source: "PUBLIC", name, email, cpf, locale: await getLocale() }, answers);
    return { emailIds: result.emailIds, redirectTo: `/e/${encodeURIComponent(slug)}/r/${result.accessToken}?new=1` };
  },
});

/**
 * "Send me my link again": after the guards, the same answer whatever the
 * address (registered, unknown, or past its limit).
 */
export const resendPrivateLinkAction = defineAction({
  name: "events.resendPrivateLink",
  guard: anyone,
  args: [slugArg, proofArg],
  input: registrationLinkSchema,
  run: async ({ args: [slug, proof], input }) => {
    await guard({
      form: "registration-link",
      honeypot: input.website,
      limit: registrationLinkLimits().perIp,
      proof: { form: "registration-link", payload: proof },
    });
    // The same answer in the same time whether or not the address is registered:
    // the lookup, the new links and the e-mails are written after the response.
    after(async () => {
      try {
        await notifyOutbox(await resendPrivateLinks(db, slug, input.email));
      } catch (error) {
        console.error("[events] sending a private link again failed", error);
      }
    });
    return { message: { key: "events.public.linkSent" } };
  },
});

export const cancelPublicRegistrationAction = defineAction({
  name: "events.cancelPublic",
  guard: anyone,
  args: [tokenArg, recordId],
  run: async ({ args: [accessToken, registrationId] }) => {
    const { emailIds } = await cancelRegistration(db, { accessToken }, registrationId);
    return { emailIds, message: { key: "events.public.cancelled" } };
  },
});
