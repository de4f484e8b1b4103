// Creates the benchmark's events on DATABASE_URL (migrating first): public
// registration, limited seats and reserve seats, no questionnaire. Arguments:
// <slug> <seats> <reserve seats>, repeated for more events.
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

const args = process.argv.slice(2);
if (args.length === 0) args.push("bench", "1000", "100");
const database = getDatabase();
try {
  await migrate(database.sql);
  const type = await database.prisma.eventType.upsert({ where: { name: "Benchmark" }, create: { name: "Benchmark", isPublic: true }, update: {} });
  const start = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  for (let i = 0; i < args.length; i += 3) {
    const [slug, seats, reserveSeats] = [args[i], Number(args[i + 1] ?? 1000), Number(args[i + 2] ?? 100)];
    await database.prisma.event.create({
      data: {
        slug,
        name: "Registration benchmark",
        startsAt: start,
        endsAt: new Date(start.getTime() + 2 * 3600 * 1000),
        timeZone: "UTC",
        typeId: type.id,
        seats,
        reserveSeats,
        publicRegistration: true,
      },
    });
  }
} finally {
  await closeDatabase(database);
}
