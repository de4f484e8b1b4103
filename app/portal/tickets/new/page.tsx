import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { uploadMaxBytes } from "@/lib/storage";
import { newTicketOptions } from "@/lib/tickets/new-ticket-options";
import { openTicketAction } from "@/lib/tickets/portal-actions";

export async function generateMetadata() {
  return { title: (await getTranslations("tickets.portal.new"))("title") };
}

export default async function NewPortalTicketPage() {
  const actor = await requireClient();
  const [t, locale] = await Promise.all([getTranslations("tickets.portal"), getLocale()]);
  const options = await newTicketOptions(db, actor, locale);
  // Why nothing can be opened, in the order a client can do something about it.
  const blocker = !options.ready
    ? t("notReady")
    : options.customers.length === 0
      ? t("new.noCustomers")
      : options.groups.length === 0
        ? t("new.noTypes")
        : null;
  return (
    <>
      <PageHeader
        title={t("new.title")}
        description={t("new.intro")}
        actions={
          <Link href="/portal/tickets" className="self-center text-sm text-indigo-700 underline">
            {t("backToList")}
          </Link>
        }
      />
      {blocker ? (
        <Alert tone="warning">{blocker}</Alert>
      ) : (
        <Card>
          <NewTicketForm customers={options.customers} groups={options.groups} action={openTicketAction} maxMb={Math.round(uploadMaxBytes() / (1024 * 1024))} />
        </Card>
      )}
    </>
  );
}
