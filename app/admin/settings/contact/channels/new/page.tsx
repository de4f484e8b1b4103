import { getTranslations } from "next-intl/server";
import { NamedRecordForm } from "@/components/forms/named-record-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { saveChannelAction } from "@/lib/contacts/settings-actions";
import { SettingsFormHeader } from "../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts.settings"))("newChannel") };
}

export default async function NewContactChannelPage() {
  await requireStaff();
  const ts = await getTranslations("contacts.settings");
  return (
    <>
      <SettingsFormHeader title={ts("newChannel")} backHref="/admin/settings/contact" />
      <Card>
        <NamedRecordForm action={saveChannelAction.bind(null, undefined)} defaults={{ name: "", active: true }} editing={false} />
      </Card>
    </>
  );
}
