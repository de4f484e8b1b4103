import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/users/user-form";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { first, type SearchParams } from "@/lib/pagination";
import { listProfileOptions } from "@/lib/profiles/list-profiles";
import { setUserActiveAction } from "@/lib/users/actions";
import { getUser } from "@/lib/users/list-users";
import { timeZoneOptions } from "@/lib/users/time-zones";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("editTitle") };
}

export default async function EditUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const user = await getUser(db, actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, tc] = await Promise.all([getTranslations("users"), getTranslations("common")]);
  const profiles = await listProfileOptions(db, actor, user.profileId);
  const isSelf = user.id === actor.userId;
  return (
    <>
      <PageHeader
        title={t("editTitle")}
        description={
          <span className="flex items-center gap-2">
            {user.name} <ActiveBadge active={user.active} />
          </span>
        }
        actions={
          <>
            {isSelf ? null : (
              <ConfirmButton
                variant={user.active ? "danger" : "primary"}
                message={user.active ? t("confirmDeactivate", { name: user.name }) : t("confirmActivate", { name: user.name })}
                action={setUserActiveAction.bind(null, user.id, !user.active)}
              >
                {user.active ? t("deactivate") : t("activate")}
              </ConfirmButton>
            )}
            <Link href="/admin/users" className="self-center text-sm text-indigo-700 underline">
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
      <Card>
        <UserForm
          userId={user.id}
          isSelf={isSelf}
          defaults={{
            name: user.name,
            email: user.email,
            role: user.role,
            profileId: user.profileId ?? "",
            password: "",
            locale: isLocale(user.locale) ? user.locale : defaultLocale,
            timeZone: user.timeZone,
            active: user.active,
          }}
          profiles={profiles}
          timeZones={timeZoneOptions(user.timeZone)}
        />
      </Card>
    </>
  );
}
