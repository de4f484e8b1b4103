// POST /api/events/<slug>/registrations: public sign-up as JSON, for embeds and
// integrations (and the registration benchmark). Same schema, guards and domain
// function as the public page's form.
import { getLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { publicEventId } from "@/lib/events/public-events";
import { publicRegistrationLimit } from "@/lib/events/public-registration-limit";
import { registerForEvent } from "@/lib/events/registration";
import { privateRegistrationUrl } from "@/lib/events/seat-lock";
import { publicRegistrationSchema } from "@/lib/events/schemas";
import { clientIp } from "@/lib/security/client-ip";
import { refusePublicSubmission } from "@/lib/security/public-form-guard";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const parsed = publicRegistrationSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "common.fixErrors", fields: zodFieldErrors(parsed.error) }, { status: 422 });
  const refusal = await refusePublicSubmission(db, { form: "public-registration", ip: clientIp(request.headers), honeypot: parsed.data.website, limit: publicRegistrationLimit() });
  if (refusal) return Response.json({ error: refusal.key }, { status: refusal.key === "events.errors.rateLimited" ? 429 : 400 });
  try {
    const eventId = await publicEventId(db, slug);
    const { name, email, cpf, answers } = parsed.data;
    const result = await registerForEvent(db, eventId, { source: "PUBLIC", name, email, cpf, locale: await getLocale() }, answers);
    await notifyOutbox(result.emailIds);
    return Response.json(
      { status: result.status, reservePosition: result.reservePosition ?? null, privateUrl: result.accessToken ? privateRegistrationUrl(slug, result.accessToken) : null },
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
