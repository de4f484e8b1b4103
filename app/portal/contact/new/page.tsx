import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NewContactForm } from "@/components/contacts/new-contact-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/lib/auth/session";
import { contactFormOptions } from "@/lib/contacts/create-contact";
import { db } from "@/lib/db";
import { uploadMaxBytes } from "@/lib/storage";
import { NoCompany } from "../no-company";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts"))("new") };
}

export default async function NewContactPage() {
  const actor = await requireClient();
  const [t, options] = await Promise.all([getTranslations("contacts"), getLocale().then((locale) => contactFormOptions(db, actor, locale))]);
  return (
    <>
      <PageHeader
        title={t("new")}
        description={options.companies.length > 0 ? t("newIntro") : undefined}
        actions={
          <Link href="/portal/contact" className="self-center text-sm text-indigo-700 underline">
            {t("backToList")}
          </Link>
        }
      />
      {options.companies.length === 0 ? (
        <NoCompany />
      ) : options.classifications.length === 0 ? (
        <Alert tone="warning">{t("notConfigured")}</Alert>
      ) : (
        <Card>
          <NewContactForm
            module={options.module}
            companies={options.companies}
            classifications={options.classifications}
            channels={options.channels}
            defaults={{ contactName: actor.name, email: actor.email }}
            maxMb={Math.round(uploadMaxBytes() / (1024 * 1024))}
          />
        </Card>
      )}
    </>
  );
}
