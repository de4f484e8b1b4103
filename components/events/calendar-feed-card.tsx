"use client";

// The profile's calendar subscription: make a private address, shown once
// (only its hash is kept), replace it or turn it off — both ask first, since
// every calendar app using the old address stops updating.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useRunAction } from "@/components/forms/use-run-action";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { CalendarFeedLinks } from "@/lib/events/calendar-feed";
import { renewCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/events/calendar-feed-actions";
import { CopyLink } from "./copy-link";

export function CalendarFeedCard({ active, createdAt }: { active: boolean; createdAt: string | null }) {
  const t = useTranslations("events.calendarFeed");
  const [links, setLinks] = useState<CalendarFeedLinks | null>(null);
  const { pending, error, run } = useRunAction();

  const renew = async () => {
    const result = await renewCalendarFeedAction();
    if (!result.ok) return result;
    if (result.data) setLinks(result.data);
  };
  const create = () => run(renew);
  const revoke = async () => {
    const result = await revokeCalendarFeedAction();
    if (result.ok) setLinks(null);
    return result;
  };

  return (
    <div className="space-y-4" data-testid="calendar-feed">
      <p className="text-sm text-slate-600">{t("help")}</p>
      <FormFeedback formError={error} />
      {links ? (
        <div className="space-y-3">
          <Alert tone="success">{t("shownOnce")}</Alert>
          <CopyLink label={t("address")} url={links.url} />
          <a href={links.webcalUrl} className={buttonClass("secondary")}>
            {t("subscribe")}
          </a>
        </div>
      ) : active && createdAt ? (
        <p className="text-sm">{t("activeSince", { date: new Date(createdAt) })}</p>
      ) : (
        <p className="text-sm text-slate-600">{t("none")}</p>
      )}
      <div className="flex flex-wrap gap-2">
        {active || links ? (
          <>
            <ConfirmButton message={t("renewConfirm")} action={renew} variant="secondary">
              {t("renew")}
            </ConfirmButton>
            <ConfirmButton message={t("revokeConfirm")} action={revoke}>
              {t("revoke")}
            </ConfirmButton>
          </>
        ) : (
          <Button onClick={create} disabled={pending} aria-busy={pending}>
            {t("create")}
          </Button>
        )}
      </div>
    </div>
  );
}
