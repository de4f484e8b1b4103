import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton, MoveButtons } from "@/components/tickets/settings/action-button";
import { Notice, TypeHeader } from "@/components/tickets/settings/type-header";
import { ActiveBadge } from "@/components/ui/active-badge";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { first, type SearchParams } from "@/lib/pagination";
import { deleteFieldAction, moveFieldAction, setFieldActiveAction } from "@/lib/tickets/settings/field-actions";
import { fieldLabel } from "@/lib/tickets/settings/field-label";
import { listFields } from "@/lib/tickets/settings/fields";
import { getType } from "@/lib/tickets/settings/groups-types";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.fields"))("title") };
}

export default async function TicketFieldsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const type = await orNotFound(getType(db, actor, id));
  const [t, tk, locale, fields] = await Promise.all([
    getTranslations("ticketSettings"),
    getTranslations("ticketSettings.kinds"),
    getLocale(),
    listFields(db, actor, type.id),
  ]);
  const base = `/admin/settings/tickets/types/${type.id}/fields`;
  return (
    <>
      <TypeHeader type={type} current="fields" />
      <Notice notice={first(query.notice)} known={["fieldCreated"]} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{t("fields.help")}</p>
        <Link href={`${base}/new`} className={buttonClass()}>
          {t("fields.new")}
        </Link>
      </div>
      <DataTable
        caption={t("fields.title")}
        rows={fields}
        rowKey={(f) => f.id}
        empty={t("fields.empty")}
        columns={[
          {
            header: t("fields.label"),
            cell: (f) => (
              <Link href={`${base}/${f.id}`} className="text-indigo-700 underline">
                {fieldLabel(f.labels, locale)}
              </Link>
            ),
          },
          { header: t("fields.kind"), cell: (f) => tk(f.kind) },
          { header: t("fields.options"), cell: (f) => (f.options.length > 0 ? f.options.join(", ") : "—") },
          { header: t("fields.values"), cell: (f) => f._count.values },
          { header: t("fields.status"), cell: (f) => <ActiveBadge active={f.active} /> },
          {
            header: t("fields.actions"),
            actions: true,
            cell: (f) => {
              const index = fields.indexOf(f);
              const label = fieldLabel(f.labels, locale);
              return (
                <span className="flex flex-wrap items-center gap-2">
                  <MoveButtons
                    move={moveFieldAction.bind(null, f.id)}
                    first={index === 0}
                    last={index === fields.length - 1}
                    upLabel={t("moveUp", { name: label })}
                    downLabel={t("moveDown", { name: label })}
                  />
                  <ActionButton action={setFieldActiveAction.bind(null, f.id, !f.active)}>{f.active ? t("deactivate") : t("activate")}</ActionButton>
                  <ConfirmButton
                    message={t(f._count.values > 0 ? "fields.confirmArchive" : "fields.confirmDelete", { name: label })}
                    action={deleteFieldAction.bind(null, f.id)}
                  >
                    {t("fields.delete")}
                  </ConfirmButton>
                </span>
              );
            },
          },
        ]}
      />
    </>
  );
}
