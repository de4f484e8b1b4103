import { getTranslations } from "next-intl/server";
import { GroupForm } from "@/components/tickets/settings/group-form";
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
        <GroupForm defaults={{ name: "", active: true }} />
      </Card>
    </>
  );
}
