// POST /api/events/<slug>/registrations: public sign-up as JSON, for
// integrations posting from their servers (and the registration benchmark); a
// browser on another site is refused. Same schema, guards and domain function
// as the public page's form, including the proof of work: the body's "altcha"
// field holds the solution of a challenge from GET /api/pow/public-registration.
// With a privacy notice in force, "acceptPrivacyNotice": true records that the
// person accepted the version in force for the request's language (optional
// "marketingConsent": true, "privacyNoticeId" of the version they were shown).
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/forms/action-result";
import { payloadTooLarge, readJson } from "@/lib/http/read-body";
import { notifyOutbox } from "@/lib/jobs/notify";
import { publicRegistrationLimit } from "@/lib/events/public-registration-limit";
import { registerForPublicEvent } from "@/lib/events/registration";
import { privateRegistrationUrl } from "@/lib/events/seat-lock";
import { publicRegistrationSchema } from "@/lib/events/schemas";
import { consentFor } from "@/lib/privacy/notice";
import { LOCALE_COOKIE, requestLocale } from "@/lib/i18n/config";
import { clientIp } from "@/lib/security/client-ip";
import { refusePublicSubmission } from "@/lib/security/public-form-guard";
import { POW_FIELD } from "@/lib/security/proof-of-work";
import { refuseCrossSite } from "@/lib/security/same-origin";

function proofOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[POW_FIELD] : undefined;
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const { slug } = await params;
  // A sign-up is a few hundred bytes: anything past 64 KB is refused unread.
  const body = await readJson(request);
  if (!body.ok && body.reason === "tooLarge") return payloadTooLarge();
  const parsed = publicRegistrationSchema.safeParse(body.ok ? body.value : null);
  if (!parsed.success) return Response.json({ error: "common.fixErrors", fields: zodFieldErrors(parsed.error) }, { status: 422 });
  const refusal = await refusePublicSubmission(db, {
    form: "public-registration",
    ip: clientIp(request.headers),
    honeypot: parsed.data.website,
    limit: publicRegistrationLimit(),
    proof: { form: "public-registration", payload: proofOf(body.ok ? body.value : null) },
  });
  if (refusal) return Response.json({ error: refusal.key }, { status: refusal.key === "events.errors.rateLimited" ? 429 : 400 });
  try {
    const { name, email, cpf, answers } = parsed.data;
    // The language next-intl would pick (lib/i18n/request.ts), without building its whole request configuration.
    const locale = requestLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
    // The notice in force comes from a short in-process cache: no query per sign-up.
    const consent = await consentFor(db, locale, parsed.data);
    const result = await registerForPublicEvent(db, slug, { source: "PUBLIC", name, email, cpf, locale, consent }, answers);
    await notifyOutbox(result.emailIds);
    return Response.json(
      {
        status: result.status,
        reservePosition: result.reservePosition ?? null,
        privateUrl: result.accessToken ? privateRegistrationUrl(slug, result.accessToken) : null,
      },
      { status: 201 },
    );
  } catch (error) {
    if (error instanceof ValidationError) return Response.json({ error: error.key, fields: error.fields }, { status: 422 });
    if (error instanceof NotFoundError) return Response.json({ error: error.key }, { status: 404 });
    if (error instanceof ConflictError) return Response.json({ error: error.key }, { status: 409 });
    if (error instanceof DomainError) return Response.json({ error: error.key }, { status: 403 });
    throw error;
  }
}
