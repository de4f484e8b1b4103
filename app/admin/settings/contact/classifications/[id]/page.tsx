import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NamedRecordForm } from "@/components/forms/named-record-form";
import { labelsFormValues } from "@/lib/i18n/labels";
import { ActiveBadge } from "@/components/ui/active-badge";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { getClassification } from "@/lib/contacts/settings";
import { removeClassificationAction, saveClassificationAction } from "@/lib/contacts/settings-actions";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import type { SearchParams } from "@/lib/pagination";
import { SettingsFormHeader } from "../../../settings-list-header";
import { SettingsNotices } from "../../notices";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts.settings"))("editClassification") };
}

export default async function EditContactClassificationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireStaff();
  const classification = await orNotFound(getClassification(db, actor, (await params).id));
  const [t, ts, tc] = await Promise.all([getTranslations("contacts"), getTranslations("contacts.settings"), getTranslations("common")]);
  const base = `/admin/settings/contact/classifications/${classification.id}`;
  return (
    <>
      <SettingsFormHeader title={`${ts("editClassification")} · ${t(`modules.${classification.module}`)}`} backHref="/admin/settings/contact" />
      <SettingsNotices params={await searchParams} />
      <div className="space-y-8">
        <Card>
          <NamedRecordForm
            action={saveClassificationAction.bind(null, classification.id, classification.module)}
            defaults={{ name: classification.name, labels: labelsFormValues(classification.labels), active: classification.active }}
            editing
          />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <ConfirmButton message={ts("confirmRemove", { name: classification.name })} action={removeClassificationAction.bind(null, classification.id)}>
              {ts("remove")}
            </ConfirmButton>
          </div>
        </Card>
        {classification.module === "CENTRAL" ? (
          <section className="space-y-3">
            <div className="flex flex-wrap items-end justify-between gap-2">
              <h2 className="text-lg font-medium">{ts("subclassifications")}</h2>
              <Link href={`${base}/subclassifications/new`} className={buttonClass("secondary")}>
                {ts("newSubclassification")}
              </Link>
            </div>
            <DataTable
              caption={ts("subclassifications")}
              rows={classification.subclassifications}
              rowKey={(s) => s.id}
              empty={tc("empty")}
              columns={[
                {
                  header: tc("name"),
                  cell: (s) => (
                    <Link href={`${base}/subclassifications/${s.id}`} className="text-indigo-700 underline">
                      {s.name}
                    </Link>
                  ),
                },
                { header: tc("status"), cell: (s) => <ActiveBadge active={s.active} /> },
              ]}
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
