// POST /api/check-ins/<event id>: one scan from the event's check-in page,
// answered with what it did (lib/events/check-in.ts). A route rather than a
// server action because the page queues scans while offline and sends them
// later: a server action's id changes with each deployment, so a scan queued
// before one would be refused after it; this address stays.
import { isStaff } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { checkIn } from "@/lib/events/check-in";
import { checkInScanSchema } from "@/lib/events/check-in-schemas";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { payloadTooLarge, readJson } from "@/lib/http/read-body";
import { refuseCrossSite } from "@/lib/security/same-origin";

const noStore = { "Cache-Control": "no-store" };

export async function POST(request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const actor = await getActor();
  if (!actor) return Response.json({ error: "signedOut" }, { status: 401, headers: noStore });
  if (!isStaff(actor)) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  const read = await readJson(request, 4096);
  if (!read.ok && read.reason === "tooLarge") return payloadTooLarge();
  const scan = checkInScanSchema.safeParse(read.ok ? read.value : null);
  if (!scan.success) return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  try {
    const outcome = await checkIn(db, actor, (await params).eventId, scan.data);
    return Response.json(outcome, { headers: noStore });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "notFound" }, { status: 404, headers: noStore });
    if (error instanceof ForbiddenError) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
    if (error instanceof ConflictError) return Response.json({ error: "conflict" }, { status: 409, headers: noStore });
    throw error;
  }
}
