import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CheckInScanner } from "@/components/events/check-in-scanner";
import { Alert } from "@/components/ui/alert";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { checkInEvent } from "@/lib/events/check-in";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export async function generateMetadata() {
  return { title: (await getTranslations("events.checkIn"))("title") };
}

// The door's page, made for a phone: scan or type a participant's code.
export default async function CheckInPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const event = await checkInEvent(db, actor, (await params).id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("events.checkIn"), getFormatter()]);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="text-sm text-slate-700">
          #{event.number} · {event.name}
        </p>
        <p className="text-sm text-slate-600">{format.dateTime(event.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone: event.timeZone })}</p>
      </div>
      {event.status === "CANCELLED" ? <Alert tone="error">{t("eventCancelled")}</Alert> : null}
      <CheckInScanner eventId={event.id} timeZone={event.timeZone} />
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href={`/admin/events/${event.id}/check-in/list`} className="text-indigo-700 underline">
          {t("printableList")}
        </Link>
        <Link href={`/admin/events/${event.id}`} className="text-indigo-700 underline">
          {t("backToEvent")}
        </Link>
      </p>
    </div>
  );
}
