import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/users/user-form";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";
import { defaultLocale, defaultTimeZone, isLocale } from "@/lib/i18n/config";
import { listProfileOptions } from "@/lib/profiles/list-profiles";
import { timeZoneOptions } from "@/lib/users/time-zones";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("new") };
}

export default async function NewUserPage() {
  const actor = await requireAdmin();
  const [t, tc] = await Promise.all([getTranslations("users"), getTranslations("common")]);
  const profiles = await listProfileOptions(db, actor);
  const timeZone = defaultTimeZone();
  return (
    <>
      <PageHeader
        title={t("new")}
        actions={
          <Link href="/admin/users" className="text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      <Card>
        <UserForm
          defaults={{
            name: "",
            email: "",
            role: Role.CLIENT,
            profileId: "",
            password: "",
            locale: isLocale(actor.locale) ? actor.locale : defaultLocale,
            timeZone,
            active: true,
            privacyOfficer: false,
          }}
          profiles={profiles}
          timeZones={timeZoneOptions(timeZone)}
        />
      </Card>
    </>
  );
}
