// The facts of a contact as it was created: module and the names of
// classification, sub-classification or contact channel stored with it, the
// company, the contact person's phone and e-mail, and its dates.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/page-header";
import type { ContactDetail } from "@/lib/contacts/thread";
import { ContactStatusBadge } from "./contact-status-badge";

export async function ContactDetails({ contact }: { contact: ContactDetail }) {
  const [t, format] = await Promise.all([getTranslations("contacts"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const rows: [string, React.ReactNode][] = [
    [t("company"), contact.customer.name],
    [t("module"), t(`modules.${contact.module}`)],
    [t("classification"), contact.classificationName],
    ...(contact.subclassificationName ? ([[t("subclassification"), contact.subclassificationName]] as [string, React.ReactNode][]) : []),
    ...(contact.channelName ? ([[t("channel"), contact.channelName]] as [string, React.ReactNode][]) : []),
    [t("contactName"), contact.contactName],
    [t("phone"), contact.phone],
    [t("email"), contact.email],
    ...(contact.createdBy ? ([[t("sentBy"), contact.createdBy.name]] as [string, React.ReactNode][]) : []),
    [t("createdAt"), when(contact.createdAt)],
    ...(contact.finishedAt ? ([[t("finishedAt"), when(contact.finishedAt)]] as [string, React.ReactNode][]) : []),
  ];
  return (
    <Card>
      <h2 className="mb-3 flex items-center gap-2 font-medium">
        {t("details")} <ContactStatusBadge status={contact.status} />
      </h2>
      <dl className="space-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
