import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ContactPageBody } from "@/components/contacts/contact-page-body";
import { MessageForm } from "@/components/contacts/message-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { finishContactAction, reopenContactAction, replyToContactAction } from "@/lib/contacts/actions";
import { getStaffContact } from "@/lib/contacts/staff";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { uploadMaxBytes } from "@/lib/storage";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  return { title: (await getTranslations("contacts"))("contactTitle", { number: (await params).number.slice(0, 12) }) };
}

export default async function AdminContactPage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await requireStaff();
  const contact = await orNotFound(getStaffContact(db, actor, Number((await params).number)));
  const [t, ta] = await Promise.all([getTranslations("contacts"), getTranslations("contacts.admin")]);
  const open = contact.status === "OPEN";
  return (
    <>
      <PageHeader
        title={t("contactTitle", { number: contact.number })}
        description={`${contact.customer.name} · ${contact.classificationName}`}
        actions={
          <>
            {open ? (
              <ConfirmButton variant="primary" message={ta("confirmFinish", { number: contact.number })} action={finishContactAction.bind(null, contact.id)}>
                {ta("finish")}
              </ConfirmButton>
            ) : (
              <ConfirmButton variant="primary" message={ta("confirmReopen", { number: contact.number })} action={reopenContactAction.bind(null, contact.id)}>
                {ta("reopen")}
              </ConfirmButton>
            )}
            <Link href="/admin/contacts" className="self-center text-sm text-indigo-700 underline">
              {ta("backToQueue")}
            </Link>
          </>
        }
      />
      <ContactPageBody
        contact={contact}
        formTitle={ta("replyTitle")}
        closed={ta("reopenToReply")}
        form={
          <MessageForm
            action={replyToContactAction.bind(null, contact.id)}
            label={t("message")}
            submitLabel={ta("reply")}
            maxMb={Math.round(uploadMaxBytes() / (1024 * 1024))}
          />
        }
      />
    </>
  );
}
