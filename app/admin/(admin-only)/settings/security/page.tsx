import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TwoFactorRequirementForm } from "@/components/account/two-factor-requirement-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { isTwoFactorRequiredForStaff } from "@/lib/auth/two-factor-policy";
import { db } from "@/lib/db";

export async function generateMetadata() {
  return { title: (await getTranslations("twoFactor.setting"))("title") };
}

// Settings → Sign-in security. Admins only: the (admin-only) layout answers 403
// to staff, and the action checks again.
export default async function SecuritySettingsPage() {
  const [t, tc, required] = await Promise.all([getTranslations("twoFactor.setting"), getTranslations("common"), isTwoFactorRequiredForStaff(db)]);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link href="/admin/settings" className="self-center text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      <Card className="max-w-xl">
        <TwoFactorRequirementForm required={required} />
      </Card>
    </>
  );
}
