import { getTranslations } from "next-intl/server";
import { NamedRecordForm } from "@/components/forms/named-record-form";
import { Card } from "@/components/ui/page-header";
import { parseEnumParam } from "@/lib/admin/list-filters";
import { requireStaff } from "@/lib/auth/session";
import { saveClassificationAction } from "@/lib/contacts/settings-actions";
import { ContactModule } from "@/lib/generated/prisma/enums";
import type { SearchParams } from "@/lib/pagination";
import { SettingsFormHeader } from "../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts.settings"))("newClassification") };
}

export default async function NewContactClassificationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaff();
  const contactModule = parseEnumParam(await searchParams, "module", ContactModule) ?? ContactModule.CENTRAL;
  const [t, ts] = await Promise.all([getTranslations("contacts"), getTranslations("contacts.settings")]);
  return (
    <>
      <SettingsFormHeader title={`${ts("newClassification")} · ${t(`modules.${contactModule}`)}`} backHref="/admin/settings/contact" />
      <Card>
        <NamedRecordForm action={saveClassificationAction.bind(null, undefined, contactModule)} defaults={{ name: "", active: true }} editing={false} />
      </Card>
    </>
  );
}
