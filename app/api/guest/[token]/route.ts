// POST /api/guest/<token>: the public guest form (multipart, with its files).
// Anonymous visitors cannot use POST /api/files, so the form posts here; all
// the rules are in lib/guests/submit-request.ts.
import { getLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { submitGuestRequest } from "@/lib/guests/submit-request";
import { notifyOutbox } from "@/lib/jobs/notify";
import { clientIp } from "@/lib/security/client-ip";
import { refuseCrossSite } from "@/lib/security/same-origin";
import { getStorage } from "@/lib/storage";

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const { token } = await params;
  const result = await submitGuestRequest(db, getStorage(), { portalToken: token, ip: clientIp(request.headers), locale: await getLocale(), request });
  await notifyOutbox(result.emailIds);
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}
