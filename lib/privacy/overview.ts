// A person's page: how many records of each kind name them, what an erasure
// would be refused for, and the identifiers their records brought in.
import { assertPrivacyOfficer, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { recordSensitiveAccess } from "./access-log";
import { legalHolds, type LegalHold } from "./erase";
import { personWhere, resolvePerson, type PersonIdentity, type PersonKey } from "./person";

interface PersonOverview {
  person: PersonIdentity;
  counts: { kind: string; count: number }[];
  holds: LegalHold[];
}

export async function getPersonOverview(db: DbOrTx, actor: Actor, key: PersonKey): Promise<PersonOverview> {
  assertPrivacyOfficer(actor);
  const person = await resolvePerson(db, key);
  const w = personWhere(person);
  const counted = await Promise.all([
    db.user.count({ where: w.user }),
    db.customer.count({ where: w.customer }),
    db.contactPerson.count({ where: w.contactPerson }),
    db.registration.count({ where: { AND: [w.registration, { replicatedFromId: null }] } }),
    db.certificate.count({ where: { registration: w.registration } }),
    db.guestRequest.count({ where: w.guestRequest }),
    db.contact.count({ where: w.contact }),
    db.ticket.count({ where: w.ticket }),
    db.ticketMessage.count({ where: w.ticketMessage }),
    db.contactMessage.count({ where: w.contactMessage }),
    db.storedFile.count({ where: w.file }),
    db.emailMessage.count({ where: w.emailMessage }),
  ]);
  const kinds = [
    "users",
    "customers",
    "contactPersons",
    "registrations",
    "certificates",
    "guestRequests",
    "contacts",
    "tickets",
    "ticketMessages",
    "contactMessages",
    "files",
    "emails",
  ] as const;
  const counts = kinds.map((kind, i) => ({ kind, count: counted[i] }));
  // Only mail and nothing else: no person to show.
  if (counts.every((c) => c.kind === "emails" || c.count === 0)) throw new NotFoundError("personData.notFound");
  // The page shows the person's national ids in full: that is on the access log (how many, not which).
  await recordSensitiveAccess(db, actor, { kind: "CPF_VIEW", entityType: "Person", entityId: "person-page", count: person.cpfs.length });
  return { person, counts, holds: await legalHolds(db, actor, person) };
}
