import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SeriesForm } from "@/components/events/series-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEvent } from "@/lib/events/event-list";
import { NotFoundError } from "@/lib/errors";

export async function generateMetadata() {
  return { title: (await getTranslations("events.series"))("title") };
}

// A main event's sessions from a rule; a session has no sessions of its own.
export default async function SeriesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  const event = await getEvent(db, actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (event.mainEvent) notFound();
  const [t, tc] = await Promise.all([getTranslations("events.series"), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={`#${event.number} · ${event.name}`}
        actions={
          <Link href={`/admin/events/${event.id}`} className="text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      <p className="-mt-4 mb-6 max-w-2xl text-sm text-slate-600">{t("help")}</p>
      {event.canEdit ? (
        <Card className="max-w-3xl">
          <SeriesForm
            eventId={event.id}
            timeZone={event.timeZone}
            defaults={{ name: event.name, weekdays: [], firstDate: "", startTime: "", endTime: "", ends: "count", count: "", untilDate: "", skipDates: "" }}
          />
        </Card>
      ) : (
        <Alert tone="info">{t("onlyResponsible")}</Alert>
      )}
    </>
  );
}
