// The staff queue's filters as one GET form (works without JavaScript; the
// state lives in the URL). Types are grouped by group and stages by type; once
// a type is chosen (and the form submitted) the stage select offers only its
// stages. "Mine / Unassigned / All" are links above the form.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { StageResponsible, TicketStatus } from "@/lib/generated/prisma/enums";
import type { StaffQueueFilters } from "@/lib/tickets/lists";
import { STAFF_AGES } from "@/lib/tickets/schemas";
import type { SearchParams } from "@/lib/pagination";

export interface QueueChoices {
  groups: { id: string; name: string; types: { id: string; name: string }[] }[];
  stages: { id: string; name: string; typeId: string; active: boolean }[];
}

const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-600";

function GroupedSelect({
  name,
  label,
  allLabel,
  value,
  groups,
}: {
  name: string;
  label: string;
  allLabel: string;
  value?: string;
  groups: { label: string; options: { value: string; label: string }[] }[];
}) {
  const id = `filter-${name}`;
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{allLabel}</option>
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </>
  );
}

function hrefWith(params: SearchParams, assignee: "mine" | "unassigned" | undefined) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (key !== "page" && key !== "assignee" && typeof value === "string" && value) search.set(key, value);
  if (assignee) search.set("assignee", assignee);
  const qs = search.toString();
  return qs ? `/admin/tickets?${qs}` : "/admin/tickets";
}

export async function AssigneeTabs({ params, current }: { params: SearchParams; current: StaffQueueFilters["assignee"] }) {
  const t = await getTranslations("tickets.staff");
  const tabs = [
    { value: "mine" as const, label: t("assigneeMine") },
    { value: "unassigned" as const, label: t("assigneeNone") },
    { value: undefined, label: t("assigneeAll") },
  ];
  const tab = (active: boolean) => `rounded-md px-3 py-2 text-sm ${active ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <nav aria-label={t("assigneeFilter")} className="mb-4 flex flex-wrap gap-2">
      {tabs.map((x) => (
        <Link
          key={x.value ?? "all"}
          href={hrefWith(params, x.value)}
          className={tab(current === x.value)}
          aria-current={current === x.value ? "page" : undefined}
        >
          {x.label}
        </Link>
      ))}
    </nav>
  );
}

export async function QueueFilters({ filters, q, choices }: { filters: StaffQueueFilters; q: string; choices: QueueChoices }) {
  const [t, tc, ts, tstatus, tturn] = await Promise.all([
    getTranslations("tickets.staff"),
    getTranslations("common"),
    getTranslations("tickets.summary"),
    getTranslations("tickets.status"),
    getTranslations("tickets.responsible.staff"),
  ]);
  const typeNames = new Map(choices.groups.flatMap((g) => g.types.map((type) => [type.id, `${g.name} / ${type.name}`])));
  const stageLabel = (s: QueueChoices["stages"][number]) => (s.active ? s.name : t("archivedStage", { name: s.name }));
  const stageGroups = [...typeNames.entries()]
    .filter(([typeId]) => !filters.typeId || typeId === filters.typeId)
    .map(([typeId, label]) => ({
      label,
      options: choices.stages.filter((s) => s.typeId === typeId).map((s) => ({ value: s.id, label: stageLabel(s) })),
    }))
    .filter((g) => g.options.length > 0);
  const typeGroups = choices.groups
    .filter((g) => !filters.groupId || g.id === filters.groupId)
    .map((g) => ({ label: g.name, options: g.types.map((type) => ({ value: type.id, label: type.name })) }))
    .filter((g) => g.options.length > 0);
  // "" is the default (open tickets); the others are explicit.
  const statusValue = filters.status === TicketStatus.OPEN ? "" : (filters.status ?? "any");

  return (
    <form method="get" role="search" aria-label={t("filters")} className="mb-4 flex flex-wrap items-end gap-2">
      {filters.assignee ? <input type="hidden" name="assignee" value={filters.assignee} /> : null}
      <label className="sr-only" htmlFor="list-search">
        {t("searchLabel")}
      </label>
      <input id="list-search" name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} className={`w-64 ${selectClass}`} />
      <FilterSelect
        name="group"
        label={ts("group")}
        allLabel={t("allGroups")}
        value={filters.groupId}
        options={choices.groups.map((g) => ({ value: g.id, label: g.name }))}
      />
      <GroupedSelect name="type" label={ts("type")} allLabel={t("allTypes")} value={filters.typeId} groups={typeGroups} />
      <GroupedSelect name="stage" label={ts("stage")} allLabel={t("allStages")} value={filters.stageId} groups={stageGroups} />
      <FilterSelect
        name="status"
        label={tc("status")}
        allLabel={tstatus("OPEN")}
        value={statusValue}
        options={[
          { value: TicketStatus.COMPLETED, label: tstatus("COMPLETED") },
          { value: TicketStatus.CANCELLED, label: tstatus("CANCELLED") },
          { value: "any", label: t("anyStatus") },
        ]}
      />
      <FilterSelect
        name="responsible"
        label={t("whoseTurn")}
        allLabel={t("anyTurn")}
        value={filters.responsible}
        options={Object.values(StageResponsible).map((r) => ({ value: r, label: tturn(r) }))}
      />
      <FilterSelect
        name="age"
        label={t("age")}
        allLabel={t("anyAge")}
        value={filters.olderThanDays?.toString()}
        options={STAFF_AGES.map((d) => ({ value: d, label: t("olderThan", { days: Number(d) }) }))}
      />
      <button type="submit" className={buttonClass("secondary")}>
        {t("apply")}
      </button>
      <Link href="/admin/tickets" className="self-center text-sm text-indigo-700 underline">
        {t("clearFilters")}
      </Link>
    </form>
  );
}
