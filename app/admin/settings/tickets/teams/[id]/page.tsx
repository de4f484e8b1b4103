import { getTranslations } from "next-intl/server";
import { TeamForm } from "@/components/tickets/settings/team-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { deleteTeamAction } from "@/lib/tickets/settings/team-actions";
import { activeStaffOptions } from "@/lib/tickets/settings/shared";
import { getTeam } from "@/lib/tickets/settings/teams";
import { SettingsFormHeader } from "../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.teams"))("editTitle") };
}

export default async function EditStaffTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const team = await orNotFound(getTeam(db, actor, (await params).id));
  const [t, staff] = await Promise.all([getTranslations("ticketSettings.teams"), activeStaffOptions(db)]);
  // Current members who are no longer active staff stay listed (checked) so they can be removed.
  const eligible = new Set(staff.map((u) => u.id));
  const formerStaff = team.members
    .filter((m) => !eligible.has(m.user.id))
    .map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, eligible: false }));
  return (
    <>
      <SettingsFormHeader title={t("editTitle")} backHref="/admin/settings/tickets/teams" />
      <div className="space-y-6">
        <Card>
          <TeamForm
            id={team.id}
            people={[...staff, ...formerStaff]}
            defaults={{ name: team.name, active: team.active, memberIds: team.members.map((m) => m.user.id) }}
          />
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-medium">{t("deleteTitle")}</h2>
          <p className="mb-3 text-sm text-slate-600">{t("deleteHelp")}</p>
          <ConfirmButton message={t("confirmDelete", { name: team.name })} action={deleteTeamAction.bind(null, team.id)}>
            {t("delete")}
          </ConfirmButton>
        </Card>
      </div>
    </>
  );
}
