import { getTranslations } from "next-intl/server";
import { NamedRecordForm } from "@/components/forms/named-record-form";
import { saveGroupAction } from "@/lib/tickets/settings/type-actions";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { SettingsFormHeader } from "../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.groups"))("new") };
}

export default async function NewTicketGroupPage() {
  await requireStaff();
  const t = await getTranslations("ticketSettings.groups");
  return (
    <>
      <SettingsFormHeader title={t("new")} backHref="/admin/settings/tickets" />
      <Card>
        <NamedRecordForm action={saveGroupAction.bind(null, undefined)} defaults={{ name: "", active: true }} editing={false} />
      </Card>
    </>
  );
}
