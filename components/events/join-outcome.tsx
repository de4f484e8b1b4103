import { getFormatter, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { now } from "@/lib/clock";
import type { JoinOutcome } from "@/lib/events/attendance";
import { Countdown } from "./countdown";

/** What a join link shows: the conference (attendance already recorded), a countdown, or why not. */
export async function JoinOutcomeView({ outcome, eventName, timeZone }: { outcome: JoinOutcome; eventName: string; timeZone: string }) {
  if (outcome.state === "open") redirect(outcome.url);
  const [t, format] = await Promise.all([getTranslations("events.join"), getFormatter()]);
  return (
    <Card className="w-full max-w-xl space-y-4 text-center">
      <h1 className="text-xl font-semibold">{eventName}</h1>
      {outcome.state === "early" ? (
        <>
          <p>{t("opensAt", { at: format.dateTime(outcome.opensAt, { dateStyle: "full", timeStyle: "short", timeZone }) })}</p>
          <Countdown target={outcome.opensAt.toISOString()} serverNow={now().toISOString()} />
          <p className="text-sm text-slate-600">{t("keepOpen")}</p>
        </>
      ) : (
        <Alert tone={outcome.state === "ended" ? "info" : "warning"}>{t(outcome.state)}</Alert>
      )}
    </Card>
  );
}
