// GET /admin/events/<id>/national-ids.csv: participants with their national
// ids in full, for staff; each download is written to the access log.
import { getTranslations } from "next-intl/server";
import { isStaff } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { exportParticipantNationalIds } from "@/lib/events/participant-national-ids";
import { csvCell } from "@/lib/events/participants-csv";
import { NotFoundError } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!isStaff(actor)) return new Response("Forbidden", { status: 403 });
  try {
    const { event, rows } = await exportParticipantNationalIds(db, actor, (await params).id);
    const [t, tc, tr] = await Promise.all([getTranslations("privacy.nationalIds"), getTranslations("common"), getTranslations("events.registrationStatus")]);
    const lines = [[tc("name"), tc("email"), tc("status"), t("nationalId")], ...rows.map((r) => [r.name, r.email, tr(r.status), r.nationalId ?? ""])];
    // UTF-8 with a BOM so spreadsheets open accents right.
    const csv = "\uFEFF" + lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="event-${event.number}-national-ids.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
