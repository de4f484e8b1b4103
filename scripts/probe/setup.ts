// The abuse probe's fixtures on DATABASE_URL (migrating first): a public event,
// an enabled guest portal (its link token printed), and a portal user with a password.
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_GUEST_PORTAL_FIELDS } from "@/lib/guests/config";
import { randomBytes } from "node:crypto";

const [slug, email, password] = process.argv.slice(2);
const database = getDatabase();
try {
  await migrate(database.sql);
  const db = database.prisma;
  const type = await db.eventType.upsert({ where: { name: "Probe" }, create: { name: "Probe", isPublic: true }, update: {} });
  const start = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  await db.event.create({
    data: {
      slug,
      name: "Abuse probe",
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3600 * 1000),
      timeZone: "UTC",
      typeId: type.id,
      seats: 100_000,
      reserveSeats: 0,
      publicRegistration: true,
    },
  });
  // As newGuestPortalToken (lib/guests/portal.ts, server-only) makes it.
  const token = randomBytes(32).toString("base64url");
  await db.guestPortal.upsert({
    where: { id: "default" },
    create: { id: "default", enabled: true, token, fields: DEFAULT_GUEST_PORTAL_FIELDS as object, welcomeText: "" },
    update: { enabled: true, token },
  });
  // Staff: a client needs a customer record and a profile with portal access to sign in.
  await db.user.create({ data: { email, name: "Probe Owner", role: "STAFF", passwordHash: await hashPassword(password) } });
  console.log(JSON.stringify({ guestToken: token }));
} finally {
  await closeDatabase(database);
}
