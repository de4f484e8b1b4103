import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EventArtwork, EventOverview } from "@/components/events/event-overview";
import { PublicRegisterForm } from "@/components/events/public-register-form";
import { ResendLinkForm } from "@/components/events/resend-link-form";
import { RegistrationClosed } from "@/components/events/registration-closed";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { registrationClosedReason } from "@/lib/events/closed-events";
import { seatsLeft } from "@/lib/events/portal-events";
import { getPublicEvent, isRegistrationOpen } from "@/lib/events/public-events";
import { parseQuestions } from "@/lib/events/questionnaire";
import { noticeForForm } from "@/lib/privacy/notice";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { orNotFound } from "@/lib/or-not-found";
import { first, type SearchParams } from "@/lib/pagination";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const event = await orNotFound(getPublicEvent(db, (await params).slug));
  return { title: event.name };
}

export default async function PublicEventPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  // After a sign-up that waits for its confirmation click: until when the place is held.
  const heldParam = first(query.held);
  const heldUntil = heldParam && /^\d{1,15}$/.test(heldParam) ? new Date(Number(heldParam)) : null;
  const event = await orNotFound(getPublicEvent(db, slug));
  // A main event that takes no more registrations: say so, and why (a session points to its main event instead).
  const closed = event.mainEvent ? null : registrationClosedReason(event);
  // Someone registered before it closed may still need their link again.
  if (closed)
    return (
      <div className="w-full max-w-4xl space-y-6">
        <RegistrationClosed event={{ ...event, reason: closed }} audience="public" />
        <ResendLinkForm slug={event.slug} />
      </div>
    );
  const t = await getTranslations("events.public");
  const tp = await getTranslations("events.portal");
  const open = isRegistrationOpen(event);
  const left = seatsLeft(event);
  const [nationalId, notice] = await Promise.all([getNationalIdSetting(db), noticeForForm(db, await getLocale())]);
  return (
    <div className="w-full max-w-4xl space-y-6">
      <EventArtwork event={event} />
      <h1 className="text-3xl font-semibold">{event.name}</h1>
      {heldUntil ? (
        <Alert tone="success">
          <strong className="block">{(await getTranslations("events.waitlist"))("checkEmailTitle")}</strong>
          {(await getTranslations("events.waitlist"))("checkEmail", {
            time: (await getFormatter()).dateTime(heldUntil, { dateStyle: "medium", timeStyle: "short", timeZone: event.timeZone }),
          })}
        </Alert>
      ) : null}
      {event.status === "CANCELLED" ? <Alert tone="error">{tp("eventCancelled")}</Alert> : null}
      <div className="grid gap-6 md:grid-cols-[3fr_2fr]">
        <EventOverview event={event} audience="public" />
        <Card>
          <h2 className="mb-3 text-lg font-medium">{t("formTitle")}</h2>
          {event.mainEvent ? (
            <p className="text-sm text-slate-700">
              {tp("registerThroughMainEvent")}{" "}
              <Link href={`/e/${encodeURIComponent(event.mainEvent.slug)}`} className="text-indigo-700 underline">
                {tp("openMainEvent", { name: event.mainEvent.name })}
              </Link>
            </p>
          ) : open && (left.seats > 0 || left.reserve > 0) ? (
            <>
              {left.seats === 0 ? <p className="mb-3 text-sm text-amber-800">{tp("onlyReserveLeft")}</p> : null}
              <PublicRegisterForm
                slug={event.slug}
                questions={parseQuestions(event.publicQuestionnaire?.questions ?? [])}
                nationalId={nationalId}
                notice={notice}
              />
            </>
          ) : (
            <p className="text-sm text-slate-700">{open ? tp("full") : tp("registrationClosed")}</p>
          )}
          {/* Sessions take no registrations of their own: their main event's page sends the link. */}
          {event.mainEvent ? null : (
            <div className="mt-6">
              <ResendLinkForm slug={event.slug} />
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
