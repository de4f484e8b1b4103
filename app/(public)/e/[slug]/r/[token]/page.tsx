import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TokenCpfForm } from "@/components/certificates/token-cpf-form";
import { CancelPublicRegistration } from "@/components/events/cancel-public-registration";
import { OfferAnswer } from "@/components/events/offer-answer";
import { WaitlistOutcome } from "@/components/events/waitlist-outcome";
import { acceptOfferByLinkAction, declineOfferByLinkAction } from "@/lib/events/offer-actions";
import { CheckInQr } from "@/components/events/check-in-qr";
import { RegistrationBadge } from "@/components/events/registration-badge";
import { SessionPrivateLink } from "@/components/events/session-private-link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { certificateStateForToken } from "@/lib/events/certificates/access";
import { checkInCodeByToken } from "@/lib/events/check-in";
import { checkInQrSvg } from "@/lib/events/check-in-qr";
import { findRegistrationByToken } from "@/lib/events/registration";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { findSessionRegistrationByToken } from "@/lib/events/session-private-link";
import { first, type SearchParams } from "@/lib/pagination";

// The private link e-mailed to a public registrant: their registration's state,
// and cancellation until the last cancellation date. The token is the only key.
export default async function PrivateRegistrationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; token: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ slug, token }, query] = await Promise.all([params, searchParams]);
  const registration = await findRegistrationByToken(db, token);
  if (!registration || registration.event.slug !== slug) {
    // The same link at a session's address: the registrant's place in that session.
    const session = await findSessionRegistrationByToken(db, slug, token);
    if (!session) notFound();
    return <SessionPrivateLink registration={session} token={token} />;
  }
  const [t, tp, tj, format] = await Promise.all([
    getTranslations("events.public"),
    getTranslations("events.portal"),
    getTranslations("events.join"),
    getFormatter(),
  ]);
  const { event } = registration;
  const [certificate, tcert, tci, nationalId] = await Promise.all([
    certificateStateForToken(db, token),
    getTranslations("certificates"),
    getTranslations("events.checkIn"),
    getNationalIdSetting(db),
  ]);
  const active = registration.status !== "CANCELLED";
  // The QR code to show at the door (check-in): only for a seat, and not for a cancelled event.
  const checkInCode = event.status !== "CANCELLED" ? await checkInCodeByToken(db, token) : null;
  const checkInSvg = checkInCode ? await checkInQrSvg(checkInCode) : null;
  const canCancel = active && (!event.cancellationDeadline || event.cancellationDeadline >= now());
  return (
    <Card className="w-full max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{event.name}</h1>
      <WaitlistOutcome registration={registration} timeZone={event.timeZone} confirmUrl={`/e/${slug}/r/${token}/confirm`} query={query}>
        <OfferAnswer
          accept={acceptOfferByLinkAction.bind(null, token, registration.id)}
          decline={declineOfferByLinkAction.bind(null, token, registration.id)}
        />
      </WaitlistOutcome>
      {first(query.new) && active ? (
        <Alert tone="success">{registration.status === "RESERVE" ? tp("onReserve", { position: registration.reservePosition ?? 0 }) : t("registered")}</Alert>
      ) : null}
      <p className="text-sm text-slate-700">{t("registrationOf", { name: registration.name, email: registration.email })}</p>
      <p className="text-sm">{format.dateTime(event.startsAt, { dateStyle: "full", timeStyle: "short", timeZone: event.timeZone })}</p>
      <RegistrationBadge status={registration.status} position={registration.reservePosition} />
      {checkInCode && checkInSvg ? (
        <div className="space-y-1">
          <h2 className="text-sm font-medium">{tci("yourCode")}</h2>
          <p className="text-sm text-slate-600">{tci("yourCodeHelp")}</p>
          <CheckInQr svg={checkInSvg} code={checkInCode} />
        </div>
      ) : null}
      {!active && first(query.cancelled) ? <Alert tone="success">{tp("cancelledConfirmation")}</Alert> : null}
      {!active && registration.cancelledByStaff ? (
        <Alert tone="warning">
          {tp("cancelledByStaff")}
          {registration.cancelReason ? (
            <span className="mt-1 block whitespace-pre-wrap">{tp("cancelReason", { reason: registration.cancelReason })}</span>
          ) : null}
        </Alert>
      ) : null}
      {registration.status === "REGISTERED" && event.onlineUrl && event.status !== "CANCELLED" ? (
        <p>
          {/* A plain link: prefetching the join page would record attendance. */}
          <a href={`/e/${slug}/r/${token}/join`} className={buttonClass("primary")}>
            {tj("join")}
          </a>
        </p>
      ) : null}
      {event.status === "CANCELLED" ? <Alert tone="error">{tp("eventCancelled")}</Alert> : null}
      {certificate.issued ? (
        <p>
          <a href={`/api/certificates/by-token/${token}`} className={buttonClass("secondary")}>
            {tcert("download")}
          </a>
        </p>
      ) : null}
      {certificate.needsCpf ? <TokenCpfForm token={token} setting={nationalId} /> : null}
      <p className="text-sm text-slate-600">{t("keepLink")}</p>
      {canCancel ? (
        <CancelPublicRegistration token={token} registrationId={registration.id} eventName={event.name} />
      ) : active ? (
        <p className="text-sm text-slate-600">{tp("cancellationClosed")}</p>
      ) : null}
    </Card>
  );
}
