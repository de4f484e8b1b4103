// npm run db:seed: idempotent demo data (one admin, two staff, a portal user for
// each customer kind; the company and the prospect reached through a contact
// person). Fixed ids make every run upsert the same rows. The demo passwords are
// public (README): use them only with the embedded database.
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { hashPassword } from "@/lib/auth/password";
import { CustomerKind, Permission, Role } from "@/lib/generated/prisma/enums";
import { seedContacts } from "./seed-contacts";
import { seedTicketSettings } from "./seed-tickets";

export const DEMO_PASSWORD = "portico-demo-1";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const profiles = [
  { id: id(1), name: "Portal clients", description: "Clients who use the self-service portal.", permissions: [Permission.PORTAL_ACCESS] },
  { id: id(2), name: "Staff", description: "Internal staff.", permissions: [] },
  { id: id(3), name: "No portal access", description: "Customers without access to the portal.", permissions: [] },
];

const users = [
  // The demo administrator is also the privacy officer, so the privacy tools can be tried at once.
  { id: id(101), email: "admin@portico.test", name: "Ada Admin", role: Role.ADMIN, profileId: id(2), privacyOfficer: true },
  { id: id(102), email: "staff1@portico.test", name: "Sam Staff", role: Role.STAFF, profileId: id(2) },
  { id: id(103), email: "staff2@portico.test", name: "Tess Staff", role: Role.STAFF, profileId: id(2) },
  { id: id(104), email: "company@portico.test", name: "Carla Company", role: Role.CLIENT, profileId: id(1), locale: "pt-BR", timeZone: "America/Sao_Paulo" },
  // Pedro's CPF is his user's, the one place a person's national id is kept (his customer record shows it).
  {
    id: id(105),
    email: "person@portico.test",
    name: "Pedro Person",
    role: Role.CLIENT,
    profileId: id(1),
    locale: "pt-BR",
    timeZone: "America/Sao_Paulo",
    cpf: "52998224725",
  },
  { id: id(106), email: "student@portico.test", name: "Sofia Student", role: Role.CLIENT, profileId: id(1) },
  { id: id(107), email: "professor@portico.test", name: "Paulo Professor", role: Role.CLIENT, profileId: id(1) },
  { id: id(108), email: "prospect@portico.test", name: "Pia Prospect", role: Role.CLIENT, profileId: id(1), locale: "fi", timeZone: "Europe/Helsinki" },
  { id: id(109), email: "noportal@portico.test", name: "Nina No-Portal", role: Role.CLIENT, profileId: id(3) },
];

const customers = [
  {
    id: id(201),
    kind: CustomerKind.COMPANY,
    name: "Acme Indústria Ltda",
    document: "11.222.333/0001-81",
    email: "contato@acme.test",
    contact: { id: id(301), name: "Carla Company", userId: id(104) },
  },
  { id: id(202), kind: CustomerKind.PERSON, name: "Pedro Person", userId: id(105) },
  { id: id(203), kind: CustomerKind.STUDENT, name: "Sofia Student", userId: id(106) },
  { id: id(204), kind: CustomerKind.PROFESSOR, name: "Paulo Professor", userId: id(107) },
  {
    id: id(205),
    kind: CustomerKind.PROSPECT,
    name: "Prospect Oy",
    email: "info@prospect.test",
    contact: { id: id(302), name: "Pia Prospect", userId: id(108) },
  },
  { id: id(206), kind: CustomerKind.PERSON, name: "Nina No-Portal", userId: id(109) },
];

export async function seed(database = getDatabase()) {
  const db = database.prisma;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const p of profiles) await db.profile.upsert({ where: { id: p.id }, create: p, update: {} });
  for (const u of users) await db.user.upsert({ where: { id: u.id }, create: { ...u, passwordHash }, update: {} });
  for (const { contact, ...c } of customers) {
    await db.customer.upsert({ where: { id: c.id }, create: c, update: {} });
    if (contact)
      await db.contactPerson.upsert({
        where: { id: contact.id },
        create: { ...contact, customerId: c.id, email: users.find((u) => u.id === contact.userId)?.email },
        update: {},
      });
  }
  await seedTicketSettings(db);
  await seedContacts(db);
}

// Run as a script (not when imported by tests).
if (process.argv[1]?.endsWith("seed.ts")) {
  const database = getDatabase();
  try {
    await migrate(database.sql, { log: (line) => console.log(`[migrate] ${line}`) });
    await seed(database);
    console.log(`Demo data in place (${database.target.kind}). Sign in as admin@portico.test / ${DEMO_PASSWORD}`);
  } finally {
    await closeDatabase(database);
  }
}
