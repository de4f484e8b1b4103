import { getTranslations } from "next-intl/server";
import { StageForm } from "@/components/tickets/settings/stage-form";
import { TypeHeader } from "@/components/tickets/settings/type-header";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { StageResponsible } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/or-not-found";
import { getType } from "@/lib/tickets/settings/groups-types";
import { activeStaffOptions } from "@/lib/tickets/settings/shared";
import { listTeamOptions } from "@/lib/tickets/settings/teams";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.stages"))("new") };
}

export default async function NewStagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const type = await orNotFound(getType(db, actor, (await params).id));
  const [t, teams, staff, stageCount] = await Promise.all([
    getTranslations("ticketSettings.stages"),
    listTeamOptions(db, actor),
    activeStaffOptions(db),
    db.ticketStage.count({ where: { typeId: type.id, active: true } }),
  ]);
  // The first stage is where tickets start, which must be the client's turn.
  const responsible = stageCount === 0 ? StageResponsible.CLIENT : StageResponsible.STAFF;
  return (
    <>
      <TypeHeader type={type} current="workflow" />
      <Card>
        <h2 className="mb-3 text-lg font-medium">{t("new")}</h2>
        <StageForm
          typeId={type.id}
          defaults={{ name: "", responsible, teamId: "", attendantId: "", terminal: false }}
          teams={teams.filter((team) => team.active)}
          staff={staff}
        />
      </Card>
    </>
  );
}
