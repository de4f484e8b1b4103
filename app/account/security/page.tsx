import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { PasskeysCard } from "@/components/auth/passkeys-card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { endSessionAction } from "@/lib/auth/account-actions";
import { deviceName } from "@/lib/auth/device";
import { listPasskeys } from "@/lib/auth/passkeys";
import { currentSessionId, mustEnrolTwoFactor, requireAccountActor } from "@/lib/auth/session";
import { pendingEnrolment, twoFactorStatus } from "@/lib/auth/two-factor";
import { listOwnSessions } from "@/lib/auth/user-sessions";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("securityPage"))("title") };
}

export default async function AccountSecurityPage() {
  const actor = await requireAccountActor();
  const [t, tf, ts, format, status, pending, sessionId, mustEnrol] = await Promise.all([
    getTranslations("securityPage"),
    getTranslations("twoFactor"),
    getTranslations("sessions"),
    getFormatter(),
    twoFactorStatus(db, actor.userId),
    pendingEnrolment(db, actor),
    currentSessionId(),
    mustEnrolTwoFactor(),
  ]);
  const [sessions, passkeys] = await Promise.all([listOwnSessions(db, actor, sessionId), listPasskeys(db, actor)]);
  const qr = pending ? { secret: pending.secret, qrDataUrl: await QRCode.toDataURL(pending.uri, { margin: 1, width: 200 }) } : null;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader title={t("title")} />
      <Card className="max-w-2xl space-y-4">
        <h2 className="text-lg font-medium">{tf("title")}</h2>
        {mustEnrol ? <Alert tone="warning">{tf("requiredNotice")}</Alert> : null}
        <p className="text-sm text-slate-600">{tf("intro")}</p>
        <TwoFactorCard enabled={status.enabled} pending={qr} recoveryCodesLeft={status.recoveryCodesLeft} />
      </Card>
      <div className="mt-6">
        <PasskeysCard passkeys={passkeys} />
      </div>
      <Card className="mt-6 max-w-2xl space-y-4">
        <h2 className="text-lg font-medium">{ts("title")}</h2>
        <p className="text-sm text-slate-600">{ts("help")}</p>
        {sessions.length === 0 ? (
          <p className="text-sm text-slate-600">{ts("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={ts("title")}>
            {sessions.map((session) => {
              const device = deviceName(session.userAgent);
              return (
                <li key={session.id} className="flex flex-wrap items-start justify-between gap-4 py-3" data-testid="session-row">
                  <div className="text-sm">
                    <p className="font-medium">
                      {device ? ts("device", { browser: device.browser, os: device.os }) : ts("unknownDevice")}
                      {session.current ? <span className="ml-2 rounded bg-indigo-100 px-2 py-0.5 text-xs text-indigo-800">{ts("thisDevice")}</span> : null}
                    </p>
                    <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 text-slate-600">
                      <dt>{ts("lastSeen")}</dt>
                      <dd>{when(session.lastSeenAt)}</dd>
                      <dt>{ts("signedIn")}</dt>
                      <dd>{when(session.createdAt)}</dd>
                      <dt>{ts("method")}</dt>
                      <dd>{ts(`methods.${session.method}`)}</dd>
                      <dt>{ts("ipAddress")}</dt>
                      <dd>{session.ip}</dd>
                    </dl>
                  </div>
                  <ConfirmButton message={ts("endConfirm")} action={endSessionAction.bind(null, session.id)}>
                    {ts("end")}
                  </ConfirmButton>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
