import { getTranslations } from "next-intl/server";
import { NamedRecordForm } from "@/components/forms/named-record-form";
import { saveGroupAction } from "@/lib/tickets/settings/type-actions";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { labelsFormValues } from "@/lib/i18n/labels";
import { orNotFound } from "@/lib/or-not-found";
import { deleteGroupAction } from "@/lib/tickets/settings/type-actions";
import { getGroup } from "@/lib/tickets/settings/groups-types";
import { SettingsFormHeader } from "../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.groups"))("editTitle") };
}

export default async function EditTicketGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const group = await orNotFound(getGroup(db, actor, (await params).id));
  const t = await getTranslations("ticketSettings.groups");
  const inUse = group._count.tickets > 0;
  return (
    <>
      <SettingsFormHeader title={t("editTitle")} backHref="/admin/settings/tickets" />
      <div className="space-y-6">
        <Card>
          <NamedRecordForm
            action={saveGroupAction.bind(null, group.id)}
            defaults={{ name: group.name, labels: labelsFormValues(group.labels), active: group.active }}
            editing
          />
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-medium">{t("deleteTitle")}</h2>
          <p className="mb-3 text-sm text-slate-600">{inUse ? t("deleteArchives") : group._count.types > 0 ? t("deleteNeedsEmpty") : t("deleteHelp")}</p>
          <ConfirmButton message={t(inUse ? "confirmArchive" : "confirmDelete", { name: group.name })} action={deleteGroupAction.bind(null, group.id)}>
            {inUse ? t("archive") : t("delete")}
          </ConfirmButton>
        </Card>
      </div>
    </>
  );
}
