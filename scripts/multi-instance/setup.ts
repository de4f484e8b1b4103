// Data for scripts/multi-instance-test.mjs, written straight to DATABASE_URL's
// (already migrated) database: the demo accounts, and three public events:
//   multi-seats      10 seats + 5 reserve seats (the overbooking check)
//   multi-form       the sign-up page whose form is posted to the other instance
//   multi-reminders  starts in 24 hours, with its own reminder schedule (the day
//                    before at 00:00), so its reminders are due now (the scheduled-job check)
// Prints one JSON line with the slugs.
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { seed } from "@/prisma/seed";

const HOUR = 3_600_000;
const database = getDatabase();
try {
  await seed(database);
  const db = database.prisma;
  const type = await db.eventType.upsert({ where: { name: "Multi-instance" }, create: { name: "Multi-instance", isPublic: true }, update: {} });
  const inAMonth = new Date(Date.now() + 30 * 24 * HOUR);
  const tomorrow = new Date(Date.now() + 24 * HOUR);
  const events = [
    { slug: "multi-seats", name: "Ten seats", startsAt: inAMonth, seats: 10, reserveSeats: 5 },
    { slug: "multi-form", name: "Sign-up form", startsAt: inAMonth, seats: 5, reserveSeats: 0 },
    { slug: "multi-reminders", name: "Tomorrow", startsAt: tomorrow, seats: 20, reserveSeats: 0, reminderSchedule: { offsets: ["1d"], hour: 0 } },
  ];
  for (const e of events) {
    await db.event.create({
      data: { ...e, endsAt: new Date(e.startsAt.getTime() + 2 * HOUR), timeZone: "UTC", typeId: type.id, publicRegistration: true, reminderEnabled: true },
    });
  }
  console.log(JSON.stringify({ slugs: events.map((e) => e.slug) }));
} finally {
  await closeDatabase(database);
}
