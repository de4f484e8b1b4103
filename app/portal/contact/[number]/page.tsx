import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ContactPageBody } from "@/components/contacts/contact-page-body";
import { MessageForm } from "@/components/contacts/message-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/lib/auth/session";
import { addContactMessageAction } from "@/lib/contacts/actions";
import { getMyContact } from "@/lib/contacts/list-contacts";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { first, type SearchParams } from "@/lib/pagination";
import { uploadMaxBytes } from "@/lib/storage";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  return { title: (await getTranslations("contacts"))("contactTitle", { number: (await params).number.slice(0, 12) }) };
}

export default async function PortalContactPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireClient();
  const contact = await orNotFound(getMyContact(db, actor, Number((await params).number)));
  const created = Boolean(first((await searchParams).created));
  const t = await getTranslations("contacts");
  return (
    <>
      <PageHeader
        title={t("contactTitle", { number: contact.number })}
        description={contact.classificationName}
        actions={
          <Link href="/portal/contact" className="self-center text-sm text-indigo-700 underline">
            {t("backToList")}
          </Link>
        }
      />
      {created ? (
        <div className="mb-4">
          <Alert tone="success">{t("created")}</Alert>
        </div>
      ) : null}
      <ContactPageBody
        contact={contact}
        formTitle={t("addMessage")}
        closed={t("finishedReadOnly")}
        form={
          <MessageForm
            action={addContactMessageAction.bind(null, contact.id)}
            label={t("message")}
            submitLabel={t("send")}
            maxMb={Math.round(uploadMaxBytes() / (1024 * 1024))}
          />
        }
      />
    </>
  );
}
