import { getTranslations } from "next-intl/server";
import { ContactPersonForm } from "@/components/customers/contact-person-form";
import { CustomerForm } from "@/components/customers/customer-form";
import { RecordHeader } from "@/components/admin/record-header";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { removeContactPersonAction, setCustomerActiveAction } from "@/lib/customers/actions";
import { getCustomer } from "@/lib/customers/list-customers";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { first, type SearchParams } from "@/lib/pagination";

export async function generateMetadata() {
  return { title: (await getTranslations("customers"))("editTitle") };
}

export default async function EditCustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const customer = await orNotFound(getCustomer(db, actor, id));
  const [t, tc] = await Promise.all([getTranslations("customers"), getTranslations("common")]);
  return (
    <>
      <RecordHeader
        namespace="customers"
        name={customer.name}
        active={customer.active}
        setActive={setCustomerActiveAction.bind(null, customer.id)}
        backHref="/admin/customers"
        justCreated={!!first(query.created)}
      />
      <div className="space-y-6">
        <Card>
          <CustomerForm
            customerId={customer.id}
            defaults={{
              kind: customer.kind,
              name: customer.name,
              document: customer.document ?? "",
              email: customer.email ?? "",
              phone: customer.phone ?? "",
              userEmail: customer.user?.email ?? "",
              active: customer.active,
            }}
            documentFromUser={customer.documentFromUser}
          />
        </Card>
        <Card>
          <h2 className="mb-4 text-lg font-medium">{t("contacts")}</h2>
          <DataTable
            caption={t("contacts")}
            rows={customer.contacts}
            rowKey={(c) => c.id}
            empty={t("noContacts")}
            columns={[
              { header: tc("name"), cell: (c) => c.name },
              { header: tc("email"), cell: (c) => c.email ?? tc("none") },
              { header: tc("phone"), cell: (c) => c.phone ?? tc("none") },
              {
                header: t("contactUser"),
                cell: (c) =>
                  c.user ? (
                    <span className="flex items-center gap-2">
                      {c.user.email} {c.user.active ? null : <Badge>{tc("inactive")}</Badge>}
                    </span>
                  ) : (
                    tc("none")
                  ),
              },
              {
                header: <span className="sr-only">{tc("actions")}</span>,
                actions: true,
                className: "text-right",
                cell: (c) => (
                  <ConfirmButton
                    message={t("confirmRemoveContact", { name: c.name })}
                    confirmLabel={t("removeContact")}
                    action={removeContactPersonAction.bind(null, customer.id, c.id)}
                  >
                    {t("removeContact")}
                    <span className="sr-only"> {c.name}</span>
                  </ConfirmButton>
                ),
              },
            ]}
          />
          <h3 className="mt-6 mb-3 text-base font-medium">{t("addContact")}</h3>
          <ContactPersonForm customerId={customer.id} />
        </Card>
      </div>
    </>
  );
}
