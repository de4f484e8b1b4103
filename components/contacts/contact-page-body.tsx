// The body shared by a contact's page in the portal and in the back office: the
// thread, then the way to add to it (`form`) while OPEN or why not (`closed`),
// beside the contact's details.
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import type { ContactDetail } from "@/lib/contacts/thread";
import { ContactDetails } from "./contact-details";
import { ContactThread } from "./contact-thread";

export async function ContactPageBody({
  contact,
  formTitle,
  form,
  closed,
}: {
  contact: ContactDetail;
  formTitle: string;
  form: React.ReactNode;
  closed: string;
}) {
  const t = await getTranslations("contacts");
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-6">
        <section>
          <h2 className="mb-3 text-lg font-medium">{t("thread")}</h2>
          <ContactThread messages={contact.messages} />
        </section>
        {contact.status === "OPEN" ? (
          <Card>
            <h2 className="mb-3 font-medium">{formTitle}</h2>
            {form}
          </Card>
        ) : (
          <Alert tone="info">{closed}</Alert>
        )}
      </div>
      <ContactDetails contact={contact} />
    </div>
  );
}
