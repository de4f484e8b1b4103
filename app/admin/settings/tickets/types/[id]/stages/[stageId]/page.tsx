import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StageForm } from "@/components/tickets/settings/stage-form";
import { AddTransitionForm, TransitionEditor } from "@/components/tickets/settings/transition-forms";
import { Notice, TypeHeader } from "@/components/tickets/settings/type-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { labelsFormValues } from "@/lib/i18n/labels";
import { orNotFound } from "@/lib/or-not-found";
import { first, type SearchParams } from "@/lib/pagination";
import { getType } from "@/lib/tickets/settings/groups-types";
import { activeStaffOptions } from "@/lib/tickets/settings/shared";
import { listTeamOptions } from "@/lib/tickets/settings/teams";
import { getStage, getWorkflow } from "@/lib/tickets/settings/workflow-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.stages"))("editTitle") };
}

export default async function StagePage({ params, searchParams }: { params: Promise<{ id: string; stageId: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const [{ id, stageId }, query] = await Promise.all([params, searchParams]);
  const type = await orNotFound(getType(db, actor, id));
  const stage = await orNotFound(getStage(db, actor, type.id, stageId));
  const [t, teams, staff, workflow] = await Promise.all([
    getTranslations("ticketSettings"),
    listTeamOptions(db, actor),
    activeStaffOptions(db),
    getWorkflow(db, actor, type.id),
  ]);
  const linked = new Set(stage.outgoing.map((o) => o.toStage.id));
  const targets = workflow.stages.filter((s) => s.active && s.id !== stage.id && !linked.has(s.id)).map((s) => ({ id: s.id, name: s.name }));
  // Keep the stage's current team and attendant selectable even if no longer active, so the form shows them.
  const teamOptions = teams.filter((team) => team.active || team.id === stage.teamId);
  const staffOptions =
    stage.attendant && !staff.some((u) => u.id === stage.attendant?.id)
      ? [...staff, { id: stage.attendant.id, name: stage.attendant.name, email: "—" }]
      : staff;
  return (
    <>
      <TypeHeader type={type} current="workflow" />
      <Notice notice={first(query.notice)} known={["stageCreated"]} />
      <p className="mb-4 text-sm">
        <Link href={`/admin/settings/tickets/types/${type.id}`} className="text-indigo-700 underline">
          {t("stages.backToWorkflow")}
        </Link>
      </p>
      {!stage.active ? (
        <div className="mb-4">
          <Alert tone="warning">{t("stages.isArchived")}</Alert>
        </div>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-medium">{t("stages.editTitle")}</h2>
          <StageForm
            typeId={type.id}
            stageId={stage.id}
            defaults={{
              name: stage.name,
              labels: labelsFormValues(stage.labels),
              responsible: stage.responsible,
              teamId: stage.teamId ?? "",
              attendantId: stage.attendantId ?? "",
              terminal: stage.terminal,
            }}
            teams={teamOptions}
            staff={staffOptions}
          />
        </Card>
        <Card>
          <h2 className="mb-1 text-lg font-medium">{t("transitions.title")}</h2>
          <p className="mb-3 text-sm text-slate-600">{stage.terminal ? t("transitions.terminal") : t("transitions.help")}</p>
          <div className="space-y-4">
            {stage.outgoing.map((o) => (
              <TransitionEditor
                key={o.id}
                transitionId={o.id}
                toStageName={o.toStage.name}
                toStageActive={o.toStage.active}
                conditions={o.conditions.map((c) => c.name)}
                decisions={Object.fromEntries(o.conditions.map((c) => [c.name, c.decision ?? ""]))}
                labels={Object.fromEntries(o.conditions.map((c) => [c.name, labelsFormValues(c.labels)]))}
              />
            ))}
            {stage.terminal ? null : (
              <div className="rounded-md border border-dashed border-slate-300 p-4">
                <h3 className="mb-2 font-medium">{t("transitions.add")}</h3>
                <AddTransitionForm fromStageId={stage.id} targets={targets} />
              </div>
            )}
          </div>
        </Card>
      </div>
    </>
  );
}
