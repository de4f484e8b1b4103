import { JoinOutcomeView } from "@/components/events/join-outcome";
import { db } from "@/lib/db";
import { joinEvent } from "@/lib/events/attendance";
import { first, type SearchParams } from "@/lib/pagination";
import { orNotFound } from "@/lib/or-not-found";

// A public registrant's join link: the private token identifies them; ?session=<number>
// joins one of the main event's sessions. Inside the window this records attendance.
export const dynamic = "force-dynamic";

export default async function PublicJoinPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; token: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ slug, token }, query] = await Promise.all([params, searchParams]);
  const main = await db.event.findUnique({ where: { slug }, select: { number: true, secondaryEvents: { select: { number: true } } } });
  const session = Number(first(query.session));
  const number = main && main.secondaryEvents.some((s) => s.number === session) ? session : (main?.number ?? 0);
  const outcome = await orNotFound(joinEvent(db, { accessToken: token }, number));
  const event = await db.event.findUniqueOrThrow({ where: { number }, select: { name: true, timeZone: true } });
  return <JoinOutcomeView outcome={outcome} eventName={event.name} timeZone={event.timeZone} />;
}
