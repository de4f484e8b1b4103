import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CustomerForm } from "@/components/customers/customer-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { CustomerKind } from "@/lib/generated/prisma/enums";

export async function generateMetadata() {
  return { title: (await getTranslations("customers"))("new") };
}

export default async function NewCustomerPage() {
  await requireStaff();
  const [t, tc] = await Promise.all([getTranslations("customers"), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={t("new")}
        actions={
          <Link href="/admin/customers" className="text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      <Card>
        <CustomerForm defaults={{ kind: CustomerKind.COMPANY, name: "", document: "", email: "", phone: "", userEmail: "", active: true }} />
      </Card>
    </>
  );
}
