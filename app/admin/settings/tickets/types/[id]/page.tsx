import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton, MoveButtons } from "@/components/tickets/settings/action-button";
import { Notice, TypeHeader } from "@/components/tickets/settings/type-header";
import { TypeForm } from "@/components/tickets/settings/type-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { labelsFormValues } from "@/lib/i18n/labels";
import { orNotFound } from "@/lib/or-not-found";
import { first, type SearchParams } from "@/lib/pagination";
import { deleteTypeAction } from "@/lib/tickets/settings/type-actions";
import { moveStageAction, removeStageAction, restoreStageAction } from "@/lib/tickets/settings/workflow-actions";
import { getType, listGroupOptions } from "@/lib/tickets/settings/groups-types";
import { getWorkflow } from "@/lib/tickets/settings/workflow-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.types"))("editTitle") };
}

export default async function TicketTypePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const type = await orNotFound(getType(db, actor, id));
  const [t, groups, workflow] = await Promise.all([getTranslations("ticketSettings"), listGroupOptions(db, actor), getWorkflow(db, actor, id)]);
  const active = workflow.stages.filter((s) => s.active);
  const archived = workflow.stages.filter((s) => !s.active);
  const stageHref = (stageId: string) => `/admin/settings/tickets/types/${type.id}/stages/${stageId}`;
  const inUse = type._count.tickets > 0;

  const stageRow = (s: (typeof workflow.stages)[number], index: number, list: typeof workflow.stages) => (
    <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid={`stage-${s.name}`}>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <Link href={stageHref(s.id)} className="text-indigo-700 underline">
            {s.name}
          </Link>
          <Badge tone={s.responsible === "CLIENT" ? "blue" : "gray"}>{t(`responsible.${s.responsible}`)}</Badge>
          {s.terminal ? <Badge tone="green">{t("stages.terminalBadge")}</Badge> : null}
          {s.active && index === 0 ? <Badge tone="amber">{t("stages.startBadge")}</Badge> : null}
          {s._count.tickets > 0 ? <span className="text-xs text-slate-600">{t("stages.ticketsInside", { count: s._count.tickets })}</span> : null}
        </p>
        {s.team || s.attendant ? (
          <p className="text-xs text-slate-600">
            {[s.team ? t("stages.teamIs", { name: s.team.name }) : null, s.attendant ? t("stages.attendantIs", { name: s.attendant.name }) : null]
              .filter(Boolean)
              .join(" · ")}
          </p>
        ) : null}
        {s.outgoing.length === 0 ? (
          <p className="text-xs text-slate-600">{s.terminal ? t("stages.completes") : t("stages.noExit")}</p>
        ) : (
          <ul className="text-sm text-slate-700">
            {s.outgoing.map((o) => (
              <li key={o.id}>
                → {o.toStage.name}
                {o.toStage.active ? "" : ` (${t("archived")})`}: {o.conditions.map((c) => c.name).join(", ")}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-2">
        {s.active ? (
          <>
            <MoveButtons
              move={moveStageAction.bind(null, s.id)}
              first={index === 0}
              last={index === list.length - 1}
              upLabel={t("moveUp", { name: s.name })}
              downLabel={t("moveDown", { name: s.name })}
            />
            <ConfirmButton message={t("stages.confirmRemove", { name: s.name })} action={removeStageAction.bind(null, s.id)}>
              {t("stages.remove")}
            </ConfirmButton>
          </>
        ) : (
          <ActionButton action={restoreStageAction.bind(null, s.id)}>{t("stages.restore")}</ActionButton>
        )}
      </div>
    </li>
  );

  return (
    <>
      <TypeHeader type={type} current="workflow" />
      <Notice notice={first(query.notice)} known={["typeCreated", "typeArchived"]} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-medium">{t("stages.title")}</h2>
              <Link href={`/admin/settings/tickets/types/${type.id}/stages/new`} className={buttonClass()}>
                {t("stages.new")}
              </Link>
            </div>
            {workflow.warnings.length > 0 ? (
              <div className="mb-4">
                <Alert tone="warning">
                  <p className="font-medium">{t("warnings.title")}</p>
                  <ul className="list-disc pl-5">
                    {workflow.warnings.map((w) => (
                      <li key={w}>{t(`warnings.${w}`)}</li>
                    ))}
                  </ul>
                </Alert>
              </div>
            ) : null}
            {active.length === 0 ? (
              <p className="text-sm text-slate-600">{t("stages.empty")}</p>
            ) : (
              <ol className="divide-y divide-slate-100">{active.map(stageRow)}</ol>
            )}
            {archived.length > 0 ? (
              <>
                <h3 className="mt-6 text-base font-medium">{t("stages.archivedTitle")}</h3>
                <p className="text-xs text-slate-600">{t("stages.archivedHelp")}</p>
                <ul className="divide-y divide-slate-100">{archived.map(stageRow)}</ul>
              </>
            ) : null}
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-medium">{t("types.details")}</h2>
            <TypeForm
              id={type.id}
              groups={groups}
              defaults={{ groupId: type.groupId, name: type.name, labels: labelsFormValues(type.labels), description: type.description, active: type.active }}
            />
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-medium">{t("types.deleteTitle")}</h2>
            <p className="mb-3 text-sm text-slate-600">{inUse ? t("types.deleteArchives") : t("types.deleteHelp")}</p>
            <ConfirmButton
              message={t(inUse ? "types.confirmArchive" : "types.confirmDelete", { name: type.name })}
              action={deleteTypeAction.bind(null, type.id)}
            >
              {inUse ? t("types.archive") : t("types.delete")}
            </ConfirmButton>
          </Card>
        </div>
      </div>
    </>
  );
}
