// E2E only (PORTICO_E2E=1): run a scheduled job now, against the server's
// (possibly moved) clock, instead of waiting for its cron tick. 404 elsewhere.
import { db } from "@/lib/db";
import { issueCertificates } from "@/lib/events/certificates/issue";
import { sendDueReminders } from "@/lib/events/reminders";
import { notifyOutbox } from "@/lib/jobs/notify";
import { refuseCrossSite } from "@/lib/security/same-origin";
import { getStorage } from "@/lib/storage";

export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }) {
  if (process.env.PORTICO_E2E !== "1") return new Response("Not found", { status: 404 });
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const { name } = await params;
  if (name === "certificates") {
    const result = await issueCertificates(db, { storage: getStorage() });
    await notifyOutbox(result.emailIds);
    return Response.json({ issued: result.issued.length, cpfRequested: result.cpfRequested.length });
  }
  if (name === "reminders") {
    const { emailIds } = await sendDueReminders(db);
    await notifyOutbox(emailIds);
    return Response.json({ reminders: emailIds.length });
  }
  return new Response("Not found", { status: 404 });
}
