// E-mails of "Contact us", written to the outbox in the caller's transaction:
// the company's contact person (the contact's e-mail, in the language of the
// user who opened it, "en" when that user is gone) hears of staff replies and
// of the contact being finished; active staff and admins, each in their own
// language, hear of new contacts and new messages from companies.
import "server-only";
import { appUrl } from "@/lib/app-url";
import type { DbOrTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { Role } from "@/lib/generated/prisma/enums";

/** The contact fields the e-mails need (select them with mailContactSelect). */
export const mailContactSelect = {
  id: true,
  number: true,
  email: true,
  contactName: true,
  classificationName: true,
  customer: { select: { name: true } },
  createdBy: { select: { locale: true } },
} as const;

export interface MailContact {
  number: number;
  email: string;
  contactName: string;
  classificationName: string;
  customer: { name: string };
  createdBy: { locale: string } | null;
}

/** Long messages are cut in the e-mail; the full text is one click away. */
function excerpt(body: string, max = 1000): string {
  return body.length > max ? `${body.slice(0, max - 1)}…` : body;
}

/** Every active staff member and admin, in one query. */
async function staffRecipients(tx: DbOrTx) {
  return tx.user.findMany({
    where: { active: true, role: { in: [Role.STAFF, Role.ADMIN] } },
    select: { email: true, locale: true },
    orderBy: { email: "asc" },
  });
}

export async function mailStaffAboutContact(
  tx: DbOrTx,
  contact: MailContact,
  message: { authorName: string; body: string; isNew: boolean },
): Promise<string[]> {
  const recipients = await staffRecipients(tx);
  const props = {
    contactNumber: contact.number,
    companyName: contact.customer.name,
    classificationName: contact.classificationName,
    authorName: message.authorName,
    message: excerpt(message.body),
    url: appUrl(`/admin/contacts/${contact.number}`),
  };
  const ids: string[] = [];
  for (const r of recipients) {
    ids.push(
      message.isNew
        ? await enqueueEmail(tx, { to: r.email, locale: r.locale, template: "contactNewForStaff", props })
        : await enqueueEmail(tx, { to: r.email, locale: r.locale, template: "contactMessageForStaff", props }),
    );
  }
  return ids;
}

const contactPersonLocale = (contact: MailContact) => contact.createdBy?.locale ?? "en";

export async function mailContactPersonReply(tx: DbOrTx, contact: MailContact, reply: { authorName: string; body: string }): Promise<string> {
  return enqueueEmail(tx, {
    to: contact.email,
    locale: contactPersonLocale(contact),
    template: "contactReply",
    props: {
      name: contact.contactName,
      contactNumber: contact.number,
      authorName: reply.authorName,
      message: excerpt(reply.body),
      url: appUrl(`/portal/contact/${contact.number}`),
    },
  });
}

export async function mailContactPersonFinished(tx: DbOrTx, contact: MailContact): Promise<string> {
  return enqueueEmail(tx, {
    to: contact.email,
    locale: contactPersonLocale(contact),
    template: "contactFinished",
    props: {
      name: contact.contactName,
      contactNumber: contact.number,
      classificationName: contact.classificationName,
      url: appUrl(`/portal/contact/${contact.number}`),
    },
  });
}
