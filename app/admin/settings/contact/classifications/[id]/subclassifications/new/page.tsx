import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NamedRecordForm } from "@/components/forms/named-record-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { getClassification } from "@/lib/contacts/settings";
import { saveSubclassificationAction } from "@/lib/contacts/settings-actions";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { SettingsFormHeader } from "../../../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts.settings"))("newSubclassification") };
}

export default async function NewContactSubclassificationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const classification = await orNotFound(getClassification(db, actor, (await params).id));
  if (classification.module !== "CENTRAL") notFound();
  const ts = await getTranslations("contacts.settings");
  return (
    <>
      <SettingsFormHeader
        title={`${ts("newSubclassification")} · ${classification.name}`}
        backHref={`/admin/settings/contact/classifications/${classification.id}`}
      />
      <Card>
        <NamedRecordForm action={saveSubclassificationAction.bind(null, classification.id, undefined)} defaults={{ name: "", active: true }} editing={false} />
      </Card>
    </>
  );
}
