import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FieldForm } from "@/components/tickets/settings/field-form";
import { TypeHeader } from "@/components/tickets/settings/type-header";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { labelsAt, labelsFormValues } from "@/lib/i18n/labels";
import { orNotFound } from "@/lib/or-not-found";
import { getField } from "@/lib/tickets/settings/fields";
import { getType } from "@/lib/tickets/settings/groups-types";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.fields"))("editTitle") };
}

export default async function EditTicketFieldPage({ params }: { params: Promise<{ id: string; fieldId: string }> }) {
  const actor = await requireStaff();
  const { id, fieldId } = await params;
  const type = await orNotFound(getType(db, actor, id));
  const field = await orNotFound(getField(db, actor, type.id, fieldId));
  const t = await getTranslations("ticketSettings.fields");
  return (
    <>
      <TypeHeader type={type} current="fields" />
      <p className="mb-4 text-sm">
        <Link href={`/admin/settings/tickets/types/${type.id}/fields`} className="text-indigo-700 underline">
          {t("backToList")}
        </Link>
      </p>
      <Card>
        <h2 className="mb-3 text-lg font-medium">{t("editTitle")}</h2>
        <FieldForm
          typeId={type.id}
          fieldId={field.id}
          kindLocked={field._count.values > 0}
          defaults={{
            labels: { en: field.labels.en, "pt-BR": field.labels["pt-BR"] ?? "", fi: field.labels.fi ?? "" },
            kind: field.kind,
            options: field.options,
            optionLabels: Object.fromEntries(field.options.map((o) => [o, labelsFormValues(labelsAt(field.optionLabels, o))])),
            active: field.active,
          }}
        />
      </Card>
    </>
  );
}
