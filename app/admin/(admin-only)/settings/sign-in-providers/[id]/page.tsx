import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SettingsFormHeader } from "@/app/admin/settings/settings-list-header";
import { SsoClientCreations } from "@/components/sso/client-creations";
import { SsoProviderForm } from "@/components/sso/sso-provider-form";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { first, type SearchParams } from "@/lib/pagination";
import { listProfileOptions } from "@/lib/profiles/list-profiles";
import { ssoRedirectUri } from "@/lib/sso/oidc";
import { getSsoProvider, listSsoCustomerOptions } from "@/lib/sso/providers";
import { deleteSsoProviderAction } from "@/lib/sso/settings-actions";

export async function generateMetadata() {
  return { title: (await getTranslations("sso"))("editTitle") };
}

export default async function EditSsoProviderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin();
  const provider = await getSsoProvider(db, actor, (await params).id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const created = Boolean(first((await searchParams).created));
  const [t, ts, customers, profiles] = await Promise.all([
    getTranslations("sso"),
    getTranslations("settings"),
    listSsoCustomerOptions(db, actor),
    listProfileOptions(db, actor),
  ]);
  return (
    <>
      <SettingsFormHeader title={t("editTitle")} backHref="/admin/settings/sign-in-providers" />
      {created ? (
        <div className="mb-4">
          <Alert tone="success">{ts("created")}</Alert>
        </div>
      ) : null}
      <p className="-mt-2 mb-6 max-w-2xl text-sm text-slate-600">
        {t("redirectHelp")} <code className="rounded bg-slate-100 px-1 break-all">{ssoRedirectUri(provider.id)}</code>
      </p>
      <Card className="max-w-2xl">
        <SsoProviderForm id={provider.id} defaults={provider.values} hasSecret={provider.hasSecret} />
      </Card>
      <Card className="mt-6 max-w-2xl">
        <SsoClientCreations
          providerId={provider.id}
          rows={provider.clientCreations}
          customers={customers}
          profiles={profiles.filter((p) => p.active)}
          audience={provider.values.audience}
        />
      </Card>
      <div className="mt-6">
        <ConfirmButton message={t("deleteConfirm", { label: provider.values.label })} action={deleteSsoProviderAction.bind(null, provider.id)}>
          {t("delete")}
        </ConfirmButton>
      </div>
    </>
  );
}
