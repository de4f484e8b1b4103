import { getTranslations } from "next-intl/server";
import { TeamForm } from "@/components/tickets/settings/team-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { activeStaffOptions } from "@/lib/tickets/settings/shared";
import { SettingsFormHeader } from "../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.teams"))("new") };
}

export default async function NewStaffTeamPage() {
  await requireStaff();
  const [t, people] = await Promise.all([getTranslations("ticketSettings.teams"), activeStaffOptions(db)]);
  return (
    <>
      <SettingsFormHeader title={t("new")} backHref="/admin/settings/tickets/teams" />
      <Card>
        <TeamForm people={people} defaults={{ name: "", active: true, memberIds: [] }} />
      </Card>
    </>
  );
}
