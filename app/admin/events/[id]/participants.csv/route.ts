// GET /admin/events/<id>/participants.csv: the participants with their answers,
// for staff only; UTF-8 with BOM so spreadsheets open accents right.
import { getTranslations } from "next-intl/server";
import { isStaff } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { allParticipants } from "@/lib/events/participants";
import { participantsCsv } from "@/lib/events/participants-csv";
import { NotFoundError } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!isStaff(actor)) return new Response("Forbidden", { status: 403 });
  try {
    const { event, rows } = await allParticipants(db, actor, (await params).id);
    const [t, tc, tr, ts] = await Promise.all([
      getTranslations("events.admin"),
      getTranslations("common"),
      getTranslations("events.registrationStatus"),
      getTranslations("events.source"),
    ]);
    const csv = participantsCsv(rows, event.timeZone, {
      name: tc("name"),
      email: tc("email"),
      status: tc("status"),
      reservePosition: t("reservePosition"),
      source: t("source"),
      registeredAt: t("registeredAt"),
      attendedAt: t("attendedAt"),
      cancelledAt: t("cancelledAt"),
      sessionsAttended: (total) => t("csvSessionsAttended", { total }),
      statusNames: { REGISTERED: tr("REGISTERED"), RESERVE: tr("RESERVE"), CANCELLED: tr("CANCELLED") },
      sourceNames: { PORTAL: ts("PORTAL"), PUBLIC: ts("PUBLIC"), STAFF: ts("STAFF") },
      yes: tc("yes"),
      no: tc("no"),
    });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="event-${event.number}-participants.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
