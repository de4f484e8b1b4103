import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInLinkButton } from "@/components/auth/sign-in-link-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { isSignInLinkValid } from "@/lib/auth/sign-in-link";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

// Opening the page uses nothing: the link is spent only when the button is pressed.
export default async function SignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const valid = token.length <= 200 && (await isSignInLinkValid(db, token));
  return (
    <Card className="w-full max-w-md">
      <h1 className="text-xl font-semibold">{t("loginTitle")}</h1>
      {valid ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600">{t("linkPageHelp")}</p>
          <SignInLinkButton token={token} />
        </>
      ) : (
        <div className="mt-4 space-y-4">
          <Alert tone="error">{t("linkInvalid")}</Alert>
          <p className="text-center text-sm">
            <Link href="/login/link" className="text-indigo-700 underline">
              {t("askNewLink")}
            </Link>
          </p>
        </div>
      )}
    </Card>
  );
}
