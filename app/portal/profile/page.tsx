import { getTranslations } from "next-intl/server";
import { CpfForm } from "@/components/account/cpf-form";
import { PreferencesForm } from "@/components/account/preferences-form";
import { CalendarFeedCard } from "@/components/events/calendar-feed-card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ownNationalId } from "@/lib/account/cpf";
import { logoutAction } from "@/lib/auth/actions";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { calendarFeedStatus } from "@/lib/events/calendar-feed";

export default async function ProfilePage() {
  const actor = await requireClient();
  const t = await getTranslations("profilePage");
  const tc = await getTranslations("common");
  const ta = await getTranslations("account");
  const nationalId = await ownNationalId(db, actor);
  const [tf, feed] = await Promise.all([getTranslations("events.calendarFeed"), calendarFeedStatus(db, actor)]);
  return (
    <>
      <PageHeader title={t("title")} />
      <Card className="max-w-xl space-y-4">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="font-medium">{tc("name")}</dt>
          <dd>{actor.name}</dd>
          <dt className="font-medium">{tc("email")}</dt>
          <dd>{actor.email}</dd>
        </dl>
        <PreferencesForm timeZone={actor.timeZone} timeZones={[...new Set(["UTC", actor.timeZone, ...Intl.supportedValuesOf("timeZone")])]} />
      </Card>
      {nationalId.setting.mode === "none" ? null : (
        <Card className="mt-6 max-w-xl">
          <h2 className="mb-4 text-lg font-medium">{nationalId.setting.mode === "other" ? nationalId.setting.label : ta("cpfTitle")}</h2>
          <CpfForm current={nationalId.value} setting={nationalId.setting} />
        </Card>
      )}
      <Card className="mt-6 max-w-xl">
        <h2 className="mb-4 text-lg font-medium">{tf("title")}</h2>
        <CalendarFeedCard active={Boolean(feed)} createdAt={feed?.createdAt.toISOString() ?? null} />
      </Card>
      <Card className="mt-6 max-w-xl space-y-4">
        <h2 className="text-lg font-medium">{t("sessionsTitle")}</h2>
        <p className="text-sm text-slate-600">{t("sessionsHelp")}</p>
        <ConfirmButton message={t("signOutEverywhereConfirm")} action={logoutAction}>
          {t("signOutEverywhere")}
        </ConfirmButton>
      </Card>
    </>
  );
}
