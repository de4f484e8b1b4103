import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/events/event-form";
import { NEW_EVENT_EXTRAS, eventToFormValues, type EventFormValues } from "@/components/events/event-form-values";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { eventFormOptions, getEvent, getMainEventByNumber } from "@/lib/events/event-list";
import { defaultTimeZone } from "@/lib/i18n/config";
import { first, type SearchParams } from "@/lib/pagination";
import { timeZoneOptions } from "@/lib/users/time-zones";

export async function generateMetadata() {
  return { title: (await getTranslations("events.admin"))("new") };
}

// ?main=<number> starts a secondary event (session): its name and settings come from the main event.
export default async function NewEventPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const mainParam = first((await searchParams).main);
  const mainNumber = mainParam && /^\d{1,9}$/.test(mainParam) ? Number(mainParam) : undefined;
  const [t, tc] = await Promise.all([getTranslations("events.admin"), getTranslations("common")]);
  const found = mainNumber ? await getMainEventByNumber(db, actor, mainNumber) : null;
  const main = found ? await getEvent(db, actor, found.id) : null;
  const options = await eventFormOptions(db, actor, main ?? undefined);
  const timeZone = main?.timeZone ?? (actor.timeZone || defaultTimeZone());
  const defaults: EventFormValues = main
    ? { ...eventToFormValues(main), startsAt: "", endsAt: "", status: "OPEN", mainEventNumber: String(main.number) }
    : {
        ...{ name: "", description: "", responsibleId: "", startsAt: "", endsAt: "", timeZone, typeId: "", location: "", status: "OPEN", onlineUrl: "" },
        ...{ visibleInPortal: false, publicRegistration: false, seats: "0", reserveSeats: "0", registrationDeadline: "", cancellationDeadline: "" },
        // New events ask public registrants to confirm by e-mail.
        ...{ confirmPublicSignups: true, holdMinutes: "30", waitlistMode: "AUTOMATIC", offerHours: "24" },
        ...{ portalQuestionnaireId: "", publicQuestionnaireId: "", certificateTemplateId: "", workloadHours: "", reminderEnabled: true, mainEventNumber: "" },
        ...NEW_EVENT_EXTRAS,
      };
  return (
    <>
      <PageHeader
        title={main ? t("newSession") : t("new")}
        actions={
          <Link href="/admin/events" className="text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      {!main ? (
        <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="main-number" className="block text-sm font-medium text-slate-800">
              {t("sessionOfNumber")}
            </label>
            <input
              id="main-number"
              name="main"
              type="number"
              min={1}
              defaultValue={mainParam}
              className="mt-1 w-40 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("startSession")}
          </button>
        </form>
      ) : null}
      {mainNumber && !main ? (
        <div className="mb-4">
          <Alert tone="error">{t("mainNotFound", { number: mainNumber })}</Alert>
        </div>
      ) : null}
      <Card>
        <EventForm defaults={defaults} options={options} timeZones={timeZoneOptions(timeZone)} main={main ? { number: main.number, name: main.name } : null} />
      </Card>
    </>
  );
}
