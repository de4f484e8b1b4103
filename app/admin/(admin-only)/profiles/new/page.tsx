import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ProfileForm } from "@/components/profiles/profile-form";
import { requireAdmin } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("profiles"))("new") };
}

export default async function NewProfilePage() {
  await requireAdmin();
  const [t, tc] = await Promise.all([getTranslations("profiles"), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={t("new")}
        actions={
          <Link href="/admin/profiles" className="text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      <Card>
        <ProfileForm defaults={{ name: "", description: "", permissions: [], active: true }} />
      </Card>
    </>
  );
}
