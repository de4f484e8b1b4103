import { getTranslations } from "next-intl/server";
import { EventTypeForm } from "@/components/events/event-type-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { SettingsFormHeader } from "../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.types"))("new") };
}

export default async function NewEventTypePage() {
  await requireStaff();
  const t = await getTranslations("settings.types");
  return (
    <>
      <SettingsFormHeader title={t("new")} backHref="/admin/settings/event-types" />
      <Card>
        <EventTypeForm defaults={{ name: "", isPublic: false, active: true }} />
      </Card>
    </>
  );
}
