import { getTranslations } from "next-intl/server";
import { NamedRecordForm } from "@/components/forms/named-record-form";
import { labelsFormValues } from "@/lib/i18n/labels";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { getChannel } from "@/lib/contacts/settings";
import { removeChannelAction, saveChannelAction } from "@/lib/contacts/settings-actions";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { SettingsFormHeader } from "../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts.settings"))("editChannel") };
}

export default async function EditContactChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const channel = await orNotFound(getChannel(db, actor, (await params).id));
  const ts = await getTranslations("contacts.settings");
  return (
    <>
      <SettingsFormHeader title={ts("editChannel")} backHref="/admin/settings/contact" />
      <Card>
        <NamedRecordForm
          action={saveChannelAction.bind(null, channel.id)}
          defaults={{ name: channel.name, labels: labelsFormValues(channel.labels), active: channel.active }}
          editing
        />
        <div className="mt-6 border-t border-slate-200 pt-4">
          <ConfirmButton message={ts("confirmRemove", { name: channel.name })} action={removeChannelAction.bind(null, channel.id)}>
            {ts("remove")}
          </ConfirmButton>
        </div>
      </Card>
    </>
  );
}
