import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/events/event-form";
import { eventToFormValues } from "@/components/events/event-form-values";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { eventFormOptions, getEvent } from "@/lib/events/event-list";
import { NotFoundError } from "@/lib/errors";
import { timeZoneOptions } from "@/lib/users/time-zones";

export async function generateMetadata() {
  return { title: (await getTranslations("events.admin"))("editTitle") };
}

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  const event = await getEvent(db, actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, tc] = await Promise.all([getTranslations("events.admin"), getTranslations("common")]);
  const options = await eventFormOptions(db, actor, event);
  return (
    <>
      <PageHeader
        title={t("editTitle")}
        description={`#${event.number} · ${event.name}`}
        actions={
          <Link href={`/admin/events/${event.id}`} className="text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      {event.canEdit ? (
        <Card>
          <EventForm
            eventId={event.id}
            defaults={eventToFormValues(event)}
            options={options}
            timeZones={timeZoneOptions(event.timeZone)}
            main={event.mainEvent}
            canSetMain={!event.mainEvent && event.secondaryEvents.length === 0}
          />
        </Card>
      ) : (
        <Alert tone="warning">{t("onlyResponsible", { name: event.responsible?.name ?? "" })}</Alert>
      )}
    </>
  );
}
