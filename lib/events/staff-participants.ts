// Staff managing an event's participants by hand: add someone (optionally linked to an existing
// client user, required questions may stay blank; a walk-in at a full event
// beyond the seat limit when they say so), cancel, check in. The seat rules
// stay in ./registration and ./cancellation.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import type { Db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { registerForEvent, type RegistrationResult } from "./registration";
import type { AddParticipantData } from "./schemas";

/** The active client user with that e-mail, or a field error on `clientEmail`. */
async function clientByEmail(db: Db, email: string) {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, role: true, active: true } });
  if (!user || !user.active || user.role !== Role.CLIENT) throw new ValidationError({ clientEmail: "events.errors.clientNotFound" });
  return user;
}

export async function addParticipant(db: Db, actor: Actor, eventId: string, input: AddParticipantData): Promise<RegistrationResult> {
  assertStaff(actor);
  const client = input.clientEmail ? await clientByEmail(db, input.clientEmail) : null;
  return registerForEvent(db, eventId, {
    source: "STAFF",
    actor,
    name: input.name,
    email: input.email,
    cpf: input.cpf || null,
    userId: client?.id ?? null,
    beyondSeatLimit: input.beyondSeatLimit,
  });
}
