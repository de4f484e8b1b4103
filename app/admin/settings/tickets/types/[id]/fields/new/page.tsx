import { getTranslations } from "next-intl/server";
import { FieldForm } from "@/components/tickets/settings/field-form";
import { TypeHeader } from "@/components/tickets/settings/type-header";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { TicketFieldKind } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/or-not-found";
import { getType } from "@/lib/tickets/settings/groups-types";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.fields"))("new") };
}

export default async function NewTicketFieldPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const type = await orNotFound(getType(db, actor, (await params).id));
  const t = await getTranslations("ticketSettings.fields");
  return (
    <>
      <TypeHeader type={type} current="fields" />
      <Card>
        <h2 className="mb-3 text-lg font-medium">{t("new")}</h2>
        <FieldForm
          typeId={type.id}
          kindLocked={false}
          defaults={{ labels: { en: "", "pt-BR": "", fi: "" }, kind: TicketFieldKind.SHORT_TEXT, options: [], active: true }}
        />
      </Card>
    </>
  );
}
