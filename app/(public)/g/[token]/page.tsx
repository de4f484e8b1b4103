import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { GuestRequestForm } from "@/components/guests/guest-request-form";
import { Markdown } from "@/components/ui/markdown";
import { Card } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { issueGuestFormToken } from "@/lib/guests/form-token";
import { findPublicGuestPortal } from "@/lib/guests/portal";
import { noticeForForm } from "@/lib/privacy/notice";
import { allowedUploadExtensions, uploadMaxBytes } from "@/lib/storage";

// The shared guest link: anyone holding it may send a request, no
// account needed. A disabled portal and an old or unknown link are "not found".
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("guests.form"))("title"), robots: { index: false, follow: false } };
}

export default async function GuestPortalPage({ params }: { params: Promise<{ token: string }> }) {
  // Each visit gets its own signed form token (issue time and nonce): never cached.
  await connection();
  const { token } = await params;
  const portal = await findPublicGuestPortal(db, token);
  if (!portal) notFound();
  const [t, notice] = await Promise.all([getTranslations("guests.form"), noticeForForm(db, await getLocale())]);
  return (
    <Card className="w-full max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {portal.welcomeText ? <Markdown source={portal.welcomeText} /> : null}
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <GuestRequestForm
        fields={portal.fields}
        maxFileBytes={uploadMaxBytes()}
        accept={allowedUploadExtensions.map((e) => `.${e}`).join(",")}
        target={{ portalToken: token, formToken: issueGuestFormToken() }}
        notice={notice}
      />
    </Card>
  );
}
