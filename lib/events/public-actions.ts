"use server";

// The public sign-up form, "send me my link again", the confirmation link's
// button and the private link's cancel button (shape: lib/actions/define-action.ts). Abuse guards
// (lib/security/public-form-guard.ts) run before the domain.
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { anyone, defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { afterAnswer } from "@/lib/http/after-answer";
import { DomainError, NotFoundError } from "@/lib/errors";
import { recordId } from "@/lib/forms/record-id";
import { notifyOutbox } from "@/lib/jobs/notify";
import { consentFor } from "@/lib/privacy/notice";
import { clientIp } from "@/lib/security/client-ip";
import { MAX_PROOF_CHARS } from "@/lib/security/proof-of-work";
import { refusePublicSubmission, type PublicSubmission } from "@/lib/security/public-form-guard";
import { MAX_TOKEN_LENGTH } from "./private-links";
import { publicRegistrationLimit } from "./public-registration-limit";
import { confirmHold } from "./holds";
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
    const locale = await getLocale();
    const consent = await consentFor(db, locale, input);
    const result = await registerForPublicEvent(db, slug, { source: "PUBLIC", name, email, cpf, locale, consent }, answers);
    // A place held until confirmed through the e-mailed link: the browser is not handed
    // the private link, or anyone could confirm an address they do not read.
    if (result.holdExpiresAt) return { emailIds: result.emailIds, redirectTo: `/e/${encodeURIComponent(slug)}?held=${result.holdExpiresAt.getTime()}` };
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
    afterAnswer(async () => {
      await notifyOutbox(await resendPrivateLinks(db, slug, input.email));
    }, "[events] sending a private link again failed");
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

export const confirmHeldRegistrationAction = defineAction({
  name: "events.confirmHold",
  guard: anyone,
  args: [tokenArg],
  run: async ({ args: [accessToken] }) => {
    // The page reads the outcome again after this (confirmed, or expired meanwhile).
    if (!(await confirmHold(db, accessToken))) throw new NotFoundError("errors.notFoundBody");
  },
});
