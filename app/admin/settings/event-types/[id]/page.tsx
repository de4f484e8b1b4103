import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventTypeForm } from "@/components/events/event-type-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEventType } from "@/lib/events/event-settings";
import { NotFoundError } from "@/lib/errors";
import { SettingsFormHeader } from "../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.types"))("editTitle") };
}

export default async function EditEventTypePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const type = await getEventType(db, actor, (await params).id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("settings.types");
  return (
    <>
      <SettingsFormHeader title={t("editTitle")} backHref="/admin/settings/event-types" />
      <Card>
        <EventTypeForm id={type.id} defaults={{ name: type.name, isPublic: type.isPublic, active: type.active }} />
      </Card>
    </>
  );
}
