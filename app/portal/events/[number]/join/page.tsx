import { JoinOutcomeView } from "@/components/events/join-outcome";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { joinEvent } from "@/lib/events/attendance";
import { orNotFound } from "@/lib/or-not-found";

// Opening this page inside the access window records attendance: link to it
// with a plain <a> (no prefetch).
export const dynamic = "force-dynamic";

export default async function PortalJoinPage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await requireClient();
  const number = Number((await params).number);
  const outcome = await orNotFound(joinEvent(db, { userId: actor.userId }, number));
  const event = await db.event.findUniqueOrThrow({ where: { number }, select: { name: true, timeZone: true } });
  return (
    <div className="flex justify-center">
      <JoinOutcomeView outcome={outcome} eventName={event.name} timeZone={event.timeZone} />
    </div>
  );
}
