import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventPlaceForm } from "@/components/events/event-place-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEventPlace } from "@/lib/events/event-settings";
import { NotFoundError } from "@/lib/errors";
import { SettingsFormHeader } from "../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.places"))("editTitle") };
}

export default async function EditEventPlacePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const place = await getEventPlace(db, actor, (await params).id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("settings.places");
  return (
    <>
      <SettingsFormHeader title={t("editTitle")} backHref="/admin/settings/event-places" />
      <Card>
        <EventPlaceForm id={place.id} defaults={{ name: place.name, address: place.address, isDefaultPublic: place.isDefaultPublic, active: place.active }} />
      </Card>
    </>
  );
}
