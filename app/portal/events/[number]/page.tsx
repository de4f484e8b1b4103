import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventArtwork, EventOverview } from "@/components/events/event-overview";
import { CancelMyRegistration } from "@/components/events/cancel-my-registration";
import { CheckInQr } from "@/components/events/check-in-qr";
import { PortalRegisterForm } from "@/components/events/portal-register-form";
import { RegistrationClosed } from "@/components/events/registration-closed";
import { RegistrationBadge } from "@/components/events/registration-badge";
import { OfferAnswer } from "@/components/events/offer-answer";
import { WaitlistOutcome } from "@/components/events/waitlist-outcome";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ownNationalId } from "@/lib/account/cpf";
import { requireClient } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { getClosedPortalEvent, registrationClosedReason } from "@/lib/events/closed-events";
import { myCancellation } from "@/lib/events/cancellation";
import { myCheckInCode } from "@/lib/events/check-in";
import { checkInQrSvg } from "@/lib/events/check-in-qr";
import { cancelMyRegistrationAction } from "@/lib/events/portal-actions";
import { acceptMyOfferAction, declineMyOfferAction } from "@/lib/events/offer-actions";
import { cancellationRule, getPortalEvent, seatsLeft } from "@/lib/events/portal-events";
import { parseQuestions } from "@/lib/events/questionnaire";
import { NotFoundError } from "@/lib/errors";
import { orNotFound } from "@/lib/or-not-found";

export default async function PortalEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ registered?: string; cancelled?: string; accepted?: string; declined?: string }>;
}) {
  const actor = await requireClient();
  const [{ number }, query] = await Promise.all([params, searchParams]);
  const { registered, cancelled } = query;
  const event = await getPortalEvent(db, actor, Number(number)).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  // A client who is not registered learns that an event once offered in the portal has closed, and why.
  if (!event) return <RegistrationClosed event={await orNotFound(getClosedPortalEvent(db, actor, Number(number)))} audience="portal" />;
  const closed = event.registration || event.mainEvent ? null : registrationClosedReason(event);
  if (closed) return <RegistrationClosed event={{ ...event, reason: closed }} audience="portal" />;
  const [t, tj, tcert, tci, nationalId] = await Promise.all([
    getTranslations("events.portal"),
    getTranslations("events.join"),
    getTranslations("certificates"),
    getTranslations("events.checkIn"),
    ownNationalId(db, actor),
  ]);
  const at = now();
  const registration = event.registration && event.registration.status !== "CANCELLED" ? event.registration : null;
  // A cancelled registration says who cancelled it, and staff's reason.
  const cancellation = event.registration?.status === "CANCELLED" ? await myCancellation(db, actor, event.id) : null;
  const registrationOpen =
    !event.mainEventId && event.status !== "CANCELLED" && event.visibleInPortal && (!event.registrationDeadline || event.registrationDeadline >= at);
  const { canCancel, reason } = cancellationRule(event, at);
  const mainEventLink = event.mainEvent ? (
    <Link href={`/portal/events/${event.mainEvent.number}`} className="underline">
      {t("openMainEvent", { name: event.mainEvent.name })}
    </Link>
  ) : null;
  const left = seatsLeft(event);
  // The QR code to show at the door (check-in); a session shows the main event's, valid for every session.
  const checkInCode = registration?.status === "REGISTERED" && event.status !== "CANCELLED" ? await myCheckInCode(db, actor, registration.id) : null;
  const checkInSvg = checkInCode ? await checkInQrSvg(checkInCode) : null;
  return (
    <>
      <PageHeader
        title={event.name}
        actions={
          <Link href="/portal/events" className="self-center text-sm text-indigo-700 underline">
            {t("backToEvents")}
          </Link>
        }
      />
      {event.status === "CANCELLED" ? (
        <div className="mb-4">
          <Alert tone="error">{t("eventCancelled")}</Alert>
        </div>
      ) : null}
      <div className="mb-6">
        <EventArtwork event={event} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <EventOverview event={event} audience="portal" />
        <Card>
          <h2 className="mb-3 font-medium">{t("yourRegistration")}</h2>
          {cancellation && !registration ? (
            <div className="mb-3 space-y-2" data-testid="registration-cancellation">
              {cancelled === "1" ? <Alert tone="success">{t("cancelledConfirmation")}</Alert> : null}
              {cancellation.byStaff ? (
                <Alert tone="warning">
                  {t("cancelledByStaff")}
                  {cancellation.reason ? <span className="mt-1 block whitespace-pre-wrap">{t("cancelReason", { reason: cancellation.reason })}</span> : null}
                </Alert>
              ) : cancelled === "1" ? null : (
                <p className="text-sm text-slate-600">{t("cancelledBySelf")}</p>
              )}
            </div>
          ) : null}
          {registration ? (
            <div className="space-y-3">
              {registered === "1" ? (
                <Alert tone="success">
                  {registration.status === "RESERVE" ? t("onReserve", { position: registration.reservePosition ?? 0 }) : t("registered")}
                </Alert>
              ) : null}
              <RegistrationBadge status={registration.status} position={registration.reservePosition} />
              <WaitlistOutcome registration={registration} timeZone={event.timeZone} query={query}>
                <OfferAnswer accept={acceptMyOfferAction.bind(null, registration.id)} decline={declineMyOfferAction.bind(null, registration.id)} />
              </WaitlistOutcome>
              {checkInCode && checkInSvg ? (
                <div className="space-y-1">
                  <h3 className="text-sm font-medium">{tci("yourCode")}</h3>
                  <p className="text-sm text-slate-600">{tci("yourCodeHelp")}</p>
                  <CheckInQr svg={checkInSvg} code={checkInCode} />
                </div>
              ) : null}
              {registration.status === "REGISTERED" && event.isOnline && event.status !== "CANCELLED" ? (
                <p>
                  {/* A plain link: prefetching the join page would record attendance. */}
                  <a href={`/portal/events/${event.number}/join`} className={buttonClass("primary")}>
                    {tj("join")}
                  </a>
                </p>
              ) : null}
              {event.registration?.certificate ? (
                <p>
                  <a href={`/api/certificates/${event.registration.certificate.id}`} className={buttonClass("secondary")}>
                    {tcert("download")}
                  </a>
                </p>
              ) : null}
              {!nationalId.missing ? null : (
                <Alert tone="warning">
                  {nationalId.setting.mode === "other" ? t("nationalIdMissing", { label: nationalId.setting.label }) : t("cpfMissing")}{" "}
                  <Link href="/portal/profile" className="underline">
                    {nationalId.setting.mode === "other" ? t("addNationalId", { label: nationalId.setting.label }) : t("addCpf")}
                  </Link>
                </Alert>
              )}
              {canCancel ? (
                <CancelMyRegistration eventName={event.name} action={cancelMyRegistrationAction.bind(null, registration.id)} />
              ) : reason === "throughMainEvent" ? (
                <p className="text-sm text-slate-600">
                  {t("cancelThroughMainEvent")} {mainEventLink}
                </p>
              ) : (
                <p className="text-sm text-slate-600">{t("cancellationClosed")}</p>
              )}
            </div>
          ) : event.mainEvent ? (
            <p className="text-sm text-slate-600">
              {t("registerThroughMainEvent")} {mainEventLink}
            </p>
          ) : registrationOpen && (left.seats > 0 || left.reserve > 0) ? (
            <>
              {left.seats === 0 ? <p className="mb-3 text-sm text-amber-800">{t("onlyReserveLeft")}</p> : null}
              <PortalRegisterForm eventId={event.id} questions={parseQuestions(event.portalQuestionnaire?.questions ?? [])} />
            </>
          ) : (
            <p className="text-sm text-slate-600">{registrationOpen ? t("full") : t("registrationClosed")}</p>
          )}
        </Card>
      </div>
    </>
  );
}
