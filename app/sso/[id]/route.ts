// GET /sso/<provider id>: leaves for the institution's provider (the sign-in
// page's button). The way back is /sso/<provider id>/callback.
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { beginSsoSignIn } from "@/lib/sso/oidc";
import { setPendingCookie } from "@/lib/sso/pending-cookie";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const callbackUrl = new URL(request.url).searchParams.get("callbackUrl") ?? undefined;
  let target: URL | null = null;
  try {
    const begun = await beginSsoSignIn(db, id, callbackUrl?.slice(0, 2000));
    if (begun) {
      await setPendingCookie(begun.pending);
      target = begun.url;
    }
  } catch (error) {
    console.error("[sso] provider unreachable", id, error instanceof Error ? error.message : error);
    redirect("/login?sso=failed");
  }
  redirect(target ? target.href : "/login?sso=provider_disabled");
}
