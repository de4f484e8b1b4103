import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/profiles/profile-form";
import { Alert } from "@/components/ui/alert";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { first, type SearchParams } from "@/lib/pagination";
import { setProfileActiveAction } from "@/lib/profiles/actions";
import { getProfile } from "@/lib/profiles/list-profiles";

export async function generateMetadata() {
  return { title: (await getTranslations("profiles"))("editTitle") };
}

export default async function EditProfilePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const profile = await getProfile(db, actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, tc] = await Promise.all([getTranslations("profiles"), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={t("editTitle")}
        description={
          <span className="flex items-center gap-2">
            {profile.name} <ActiveBadge active={profile.active} />
          </span>
        }
        actions={
          <>
            <ConfirmButton
              variant={profile.active ? "danger" : "primary"}
              message={profile.active ? t("confirmDeactivate", { name: profile.name }) : t("confirmActivate", { name: profile.name })}
              action={setProfileActiveAction.bind(null, profile.id, !profile.active)}
            >
              {profile.active ? t("deactivate") : t("activate")}
            </ConfirmButton>
            <Link href="/admin/profiles" className="self-center text-sm text-indigo-700 underline">
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
        <ProfileForm
          profileId={profile.id}
          defaults={{ name: profile.name, description: profile.description, permissions: profile.permissions, active: profile.active }}
        />
      </Card>
    </>
  );
}
