import { getTranslations } from "next-intl/server";
import { NamedRecordForm } from "@/components/forms/named-record-form";
import { labelsFormValues } from "@/lib/i18n/labels";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { getSubclassification } from "@/lib/contacts/settings";
import { removeSubclassificationAction, saveSubclassificationAction } from "@/lib/contacts/settings-actions";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { SettingsFormHeader } from "../../../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts.settings"))("editSubclassification") };
}

export default async function EditContactSubclassificationPage({ params }: { params: Promise<{ id: string; subId: string }> }) {
  const actor = await requireStaff();
  const { id, subId } = await params;
  const sub = await orNotFound(getSubclassification(db, actor, id, subId));
  const ts = await getTranslations("contacts.settings");
  return (
    <>
      <SettingsFormHeader
        title={`${ts("editSubclassification")} · ${sub.classification.name}`}
        backHref={`/admin/settings/contact/classifications/${sub.classification.id}`}
      />
      <Card>
        <NamedRecordForm
          action={saveSubclassificationAction.bind(null, sub.classification.id, sub.id)}
          defaults={{ name: sub.name, labels: labelsFormValues(sub.labels), active: sub.active }}
          editing
        />
        <div className="mt-6 border-t border-slate-200 pt-4">
          <ConfirmButton message={ts("confirmRemove", { name: sub.name })} action={removeSubclassificationAction.bind(null, sub.classification.id, sub.id)}>
            {ts("remove")}
          </ConfirmButton>
        </div>
      </Card>
    </>
  );
}
