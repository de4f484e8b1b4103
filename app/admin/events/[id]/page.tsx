import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { BulkSendList } from "@/components/admin/bulk-send-list";
import { RefreshWhileSending } from "@/components/admin/refresh-while-sending";
import { AddParticipantForm } from "@/components/events/add-participant-form";
import { ArtworkUpload } from "@/components/events/artwork-upload";
import { CopyLink } from "@/components/events/copy-link";
import { EventStatusBadge } from "@/components/events/event-status-badge";
import { IssueCertificatesNow } from "@/components/events/issue-certificates-now";
import { ParticipantsTable } from "@/components/events/participants-table";
import { ResendStatusEmails } from "@/components/events/status-email-prompt";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { Markdown } from "@/components/ui/markdown";
import { appUrl } from "@/lib/app-url";
import { isAdmin } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isInProgress, listBulkSends } from "@/lib/email";
import { getEvent } from "@/lib/events/event-list";
import { parseOffset, reminderScheduleSchema, type ReminderSchedule } from "@/lib/events/reminder-schedule";
import { getReminderSchedule } from "@/lib/events/reminder-settings";
import { listParticipants, parseParticipantFilter } from "@/lib/events/participants";
import { ParticipantFilterForm } from "@/components/events/participant-filter";
import { activeParticipantCount } from "@/lib/events/status-emails";
import { NotFoundError } from "@/lib/errors";
import { first, parseListQuery, type SearchParams } from "@/lib/pagination";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { uploadMaxBytes } from "@/lib/storage";

const RECENT_SENDS = 3;

export async function generateMetadata() {
  return { title: (await getTranslations("events.admin"))("detailTitle") };
}

export default async function EventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const event = await getEvent(db, actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, tc, tw, format] = await Promise.all([
    getTranslations("events.admin"),
    getTranslations("common"),
    getTranslations("events.waitlist"),
    getFormatter(),
  ]);
  // The event's latest status e-mails and how far they got: shown to every
  // staff member who can see the event; sending and retrying need more rights.
  const [participants, activeCount, sends] = await Promise.all([
    listParticipants(db, actor, event.id, parseListQuery(query), parseParticipantFilter(first(query.show))),
    activeParticipantCount(db, event.id),
    listBulkSends(db, { page: 1, pageSize: RECENT_SENDS, eventId: event.id }),
  ]);
  const admin = isAdmin(actor);
  const queued = first(query.queued);
  const queuedCount = queued && /^\d{1,7}$/.test(queued) ? Number(queued) : null;
  const ownSchedule = event.reminderSchedule === null ? null : (reminderScheduleSchema.safeParse(event.reminderSchedule).data ?? null);
  const installationSchedule = await getReminderSchedule(db);
  const tr = await getTranslations("settings.reminders");
  const scheduleText = (schedule: ReminderSchedule) =>
    schedule.offsets.length === 0
      ? tr("noOffsets")
      : tr("summary", {
          offsets: schedule.offsets
            .map((o) => parseOffset(o))
            .map(({ amount, unit }) => (unit === "d" ? tr("daysBefore", { count: amount }) : tr("hoursBefore", { count: amount })))
            .join(", "),
          hour: `${String(schedule.hour).padStart(2, "0")}:00`,
        });
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: event.timeZone }) : tc("none"));
  const details: [string, React.ReactNode][] = [
    [t("type"), `${event.type.name}${event.type.isPublic ? ` (${t("public")})` : ""}`],
    [t("responsible"), event.responsible?.name ?? tc("none")],
    [t("startsAt"), when(event.startsAt)],
    [t("endsAt"), when(event.endsAt)],
    [t("timeZone"), event.timeZone],
    [t("location"), event.customer?.name ?? (event.place ? [event.place.name, event.place.address].filter(Boolean).join(" — ") : tc("none"))],
    [t("onlineUrl"), event.onlineUrl ?? tc("none")],
    [
      t("occupancy"),
      t("occupancyValue", { registered: event.registeredCount, seats: event.seats, reserve: event.reserveCount, reserveSeats: event.reserveSeats }),
    ],
    [t("registrationDeadline"), when(event.registrationDeadline)],
    [t("cancellationDeadline"), when(event.cancellationDeadline)],
    [t("visibleInPortal"), event.visibleInPortal ? tc("yes") : tc("no")],
    [t("publicRegistration"), event.publicRegistration ? tc("yes") : tc("no")],
    [t("portalQuestionnaire"), event.portalQuestionnaire?.name ?? tc("none")],
    [t("publicQuestionnaire"), event.publicQuestionnaire?.name ?? tc("none")],
    [t("workloadHours"), event.workloadHours?.toString() ?? tc("none")],
    [t("certificateTemplate"), event.certificateTemplate?.name ?? tc("none")],
    [t("reminderEnabled"), event.reminderEnabled ? tc("yes") : tc("no")],
    [tw("confirmationSetting"), event.confirmPublicSignups ? tw("confirmationOn", { minutes: event.holdMinutes }) : tw("confirmationOff")],
    [tw("waitlistSetting"), event.waitlistMode === "OFFERS" ? tw("offersValue", { hours: event.offerHours }) : tw("automaticValue")],
    [
      t("reminderSchedule"),
      event.reminderEnabled ? scheduleText(ownSchedule ?? installationSchedule) + (ownSchedule ? "" : ` (${t("installationSchedule")})`) : tc("none"),
    ],
    ...(!event.mainEvent && event.secondaryEvents.length > 0
      ? [[t("certificateAttendancePercent"), t("certificateAttendanceValue", { percent: event.certificateAttendancePercent })] as [string, string]]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={`#${event.number} · ${event.name}`}
        description={<EventStatusBadge status={event.status} />}
        actions={
          <>
            {event.canEdit ? (
              <Link href={`/admin/events/${event.id}/edit`} className={buttonClass()}>
                {tc("edit")}
              </Link>
            ) : null}
            <Link href="/admin/events" className="self-center text-sm text-indigo-700 underline">
              {tc("back")}
            </Link>
          </>
        }
      />
      {first(query.created) ? (
        <div className="mb-4">
          <Alert tone="success">{t("created")}</Alert>
        </div>
      ) : null}
      {/* The edit form comes back here after saving, so the saved event is what staff see. */}
      {first(query.saved) ? (
        <div className="mb-4 space-y-2">
          <Alert tone="success">{t("eventSaved")}</Alert>
          {queuedCount !== null ? <Alert tone="success">{t("emailsQueued", { count: queuedCount })}</Alert> : null}
        </div>
      ) : null}
      {first(query.sessionsCreated) && /^\d{1,3}$/.test(first(query.sessionsCreated) ?? "") ? (
        <div className="mb-4">
          <Alert tone="success">{t("sessionsCreated", { count: Number(first(query.sessionsCreated)) })}</Alert>
        </div>
      ) : null}
      {first(query.registrationCancelled) ? (
        <div className="mb-4">
          <Alert tone="success">{t("registrationCancelled")}</Alert>
        </div>
      ) : null}
      {!event.canEdit ? (
        <div className="mb-4">
          <Alert tone="info">{t("onlyResponsible", { name: event.responsible?.name ?? "" })}</Alert>
        </div>
      ) : null}
      <div className="space-y-6">
        <Card>
          <h2 className="mb-4 text-lg font-medium">{t("details")}</h2>
          {event.mainEvent ? (
            <p className="mb-4 text-sm">
              {t("sessionOf", { number: event.mainEvent.number })}:{" "}
              <Link href={`/admin/events/${event.mainEvent.id}`} className="text-indigo-700 underline">
                {event.mainEvent.name}
              </Link>
            </p>
          ) : null}
          <dl className="grid gap-x-6 gap-y-3 text-sm md:grid-cols-2">
            {details.map(([label, value]) => (
              <div key={label}>
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd className="break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          {event.description ? <Markdown source={event.description} className="mt-4 text-sm" /> : null}
        </Card>
        <Card>
          <h2 className="mb-4 text-lg font-medium">{t("publication")}</h2>
          <div className="space-y-4">
            {/* A session takes no registrations of its own: its links are its main event's. */}
            {event.mainEvent ? <p className="text-sm text-slate-600">{t("sessionLinksHelp", { number: event.mainEvent.number })}</p> : null}
            <CopyLink label={t("portalLink")} url={appUrl(`/portal/events/${(event.mainEvent ?? event).number}`)} />
            {(event.mainEvent ?? event).publicRegistration ? (
              <CopyLink label={t("publicLink")} url={appUrl(`/e/${(event.mainEvent ?? event).slug}`)} />
            ) : (
              <p className="text-sm text-slate-600">{t("noPublicLink")}</p>
            )}
            <div>
              <h3 className="mb-2 text-sm font-medium text-slate-800">{t("artwork")}</h3>
              {event.artworkFileId ? (
                // eslint-disable-next-line @next/next/no-img-element -- served by the authorized files route, not a static asset
                <img
                  src={`/api/files/${event.artworkFileId}?inline=1`}
                  alt={t("artworkAlt", { name: event.name })}
                  className="mb-3 max-h-64 rounded border border-slate-200"
                />
              ) : (
                <p className="mb-3 text-sm text-slate-600">{t("noArtwork")}</p>
              )}
              {event.canEdit ? (
                <ArtworkUpload eventId={event.id} hasArtwork={Boolean(event.artworkFileId)} maxMb={Math.round(uploadMaxBytes() / (1024 * 1024))} />
              ) : null}
            </div>
          </div>
        </Card>
        {!event.mainEvent ? (
          <Card>
            <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-medium">{t("sessions")}</h2>
              <div className="flex flex-wrap gap-2">
                {event.canEdit ? (
                  <Link href={`/admin/events/${event.id}/series`} className={buttonClass("secondary")}>
                    {t("createSeries")}
                  </Link>
                ) : null}
                <Link href={`/admin/events/new?main=${event.number}`} className={buttonClass("secondary")}>
                  {t("addSession")}
                </Link>
              </div>
            </div>
            {event.secondaryEvents.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noSessions")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {event.secondaryEvents.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/events/${s.id}`} className="text-indigo-700 underline">
                      #{s.number} · {s.name}
                    </Link>
                    <span className="text-slate-600">{format.dateTime(s.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone: s.timeZone })}</span>
                    <EventStatusBadge status={s.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
        <Card>
          <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-medium">{t("participants")}</h2>
            <div className="flex flex-wrap gap-2">
              {/* National ids have a page of their own, where every view is logged. */}
              <Link href={`/admin/events/${event.id}/national-ids`} className={buttonClass("secondary")}>
                {(await getTranslations("privacy.nationalIds"))("link")}
              </Link>
              {event.canEdit ? (
                <Link href={`/admin/events/${event.id}/check-in`} className={buttonClass("secondary")}>
                  {(await getTranslations("events.checkIn"))("title")}
                </Link>
              ) : null}
              <a href={`/admin/events/${event.id}/participants.csv`} className={buttonClass("secondary")} download>
                {t("exportCsv")}
              </a>
            </div>
          </div>
          {!event.mainEvent ? <ParticipantFilterForm value={parseParticipantFilter(first(query.show))} /> : null}
          <ParticipantsTable
            eventId={event.id}
            basePath={`/admin/events/${event.id}`}
            params={query}
            page={participants}
            timeZone={event.timeZone}
            canCancel={!event.mainEvent}
          />
          <div className="mt-6 border-t border-slate-200 pt-6">
            {event.mainEvent ? (
              <p className="text-sm text-slate-600">{t("addInMainEvent", { number: event.mainEvent.number })}</p>
            ) : (
              <AddParticipantForm nationalId={await getNationalIdSetting(db)} eventId={event.id} full={event.canEdit && event.registeredCount >= event.seats} />
            )}
          </div>
        </Card>
        {event.canEdit && event.certificateTemplateId && event.status !== "CANCELLED" && event.endsAt <= now() ? (
          <Card>
            <h2 className="mb-2 text-lg font-medium">{t("certificates")}</h2>
            <p className="mb-4 text-sm text-slate-600">{t("certificatesHelp")}</p>
            <IssueCertificatesNow eventId={event.id} />
          </Card>
        ) : null}
        {event.canEdit || sends.total > 0 ? (
          <Card>
            <h2 className="mb-2 text-lg font-medium">{t("statusEmails")}</h2>
            {event.canEdit ? (
              <>
                <p className="mb-4 text-sm text-slate-600">{t("statusEmailsHelp", { count: activeCount })}</p>
                <ResendStatusEmails eventId={event.id} count={activeCount} />
              </>
            ) : null}
            <section aria-labelledby="event-bulk-sends" className={event.canEdit ? "mt-6 border-t border-slate-200 pt-6" : ""}>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h3 id="event-bulk-sends" className="text-sm font-medium text-slate-800">
                  {t("latestSends")}
                </h3>
                <RefreshWhileSending active={isInProgress(sends.rows)} />
              </div>
              {sends.rows.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noSends")}</p>
              ) : (
                <BulkSendList sends={sends.rows} isAdmin={admin} showEvent={false} />
              )}
              {admin && sends.total > sends.rows.length ? (
                <p className="mt-3 text-sm">
                  <Link href={`/admin/outbox?view=bulk&event=${event.id}`} className="text-indigo-700 underline">
                    {t("allSends", { count: sends.total })}
                  </Link>
                </p>
              ) : null}
            </section>
          </Card>
        ) : null}
      </div>
    </>
  );
}
