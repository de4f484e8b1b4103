import { getTranslations } from "next-intl/server";
import { EventPlaceForm } from "@/components/events/event-place-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { SettingsFormHeader } from "../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.places"))("new") };
}

export default async function NewEventPlacePage() {
  await requireStaff();
  const t = await getTranslations("settings.places");
  return (
    <>
      <SettingsFormHeader title={t("new")} backHref="/admin/settings/event-places" />
      <Card>
        <EventPlaceForm defaults={{ name: "", address: "", isDefaultPublic: false, active: true }} />
      </Card>
    </>
  );
}
