import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ContactPersonForm } from "@/components/customers/contact-person-form";
import { CustomerForm } from "@/components/customers/customer-form";
import { Alert } from "@/components/ui/alert";
import { ActiveBadge } from "@/components/ui/active-badge";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { removeContactPersonAction, setCustomerActiveAction } from "@/lib/customers/actions";
import { getCustomer } from "@/lib/customers/list-customers";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { first, type SearchParams } from "@/lib/pagination";

export async function generateMetadata() {
  return { title: (await getTranslations("customers"))("editTitle") };
}

export default async function EditCustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const customer = await getCustomer(db, actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, tc] = await Promise.all([getTranslations("customers"), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={t("editTitle")}
        description={
          <span className="flex items-center gap-2">
            {customer.name} <ActiveBadge active={customer.active} />
          </span>
        }
        actions={
          <>
            <ConfirmButton
              variant={customer.active ? "danger" : "primary"}
              message={customer.active ? t("confirmDeactivate", { name: customer.name }) : t("confirmActivate", { name: customer.name })}
              action={setCustomerActiveAction.bind(null, customer.id, !customer.active)}
            >
              {customer.active ? t("deactivate") : t("activate")}
            </ConfirmButton>
            <Link href="/admin/customers" className="self-center text-sm text-indigo-700 underline">
              {tc("back")}
            </Link>
          </>
        }
      />
      {first(query.created) ? (
        <div className="mb-4">
          <Alert tone="success">{t("created")}</Alert>
        </div>
      ) : null}
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
          <h3 className="mb-3 mt-6 text-base font-medium">{t("addContact")}</h3>
          <ContactPersonForm customerId={customer.id} />
        </Card>
      </div>
    </>
  );
}
