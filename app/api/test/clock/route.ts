// E2E only (PORTICO_E2E=1): move the server's clock, e.g. into an event's access
// window. Answers 404 everywhere else, so production never exposes it.
import { now, travelTo } from "@/lib/clock";
import { payloadTooLarge, readJson } from "@/lib/http/read-body";
import { refuseCrossSite } from "@/lib/security/same-origin";

const enabled = () => process.env.PORTICO_E2E === "1";

export async function POST(request: Request) {
  if (!enabled()) return new Response("Not found", { status: 404 });
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const read = await readJson(request, 1024);
  if (!read.ok && read.reason === "tooLarge") return payloadTooLarge();
  const body = (read.ok ? read.value : null) as { at?: string } | null;
  const at = body?.at ? new Date(body.at) : null;
  if (!at || Number.isNaN(at.getTime())) return Response.json({ error: "at must be an ISO date" }, { status: 400 });
  travelTo(at);
  return Response.json({ now: now().toISOString() });
}
