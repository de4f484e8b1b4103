// Creates the benchmark's event on DATABASE_URL (migrating first): public
// registration, limited seats and reserve seats, no questionnaire.
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

const [slug, seats, reserveSeats] = [process.argv[2] ?? "bench", Number(process.argv[3] ?? 1000), Number(process.argv[4] ?? 100)];
const database = getDatabase();
try {
  await migrate(database.sql);
  const type = await database.prisma.eventType.upsert({ where: { name: "Benchmark" }, create: { name: "Benchmark", isPublic: true }, update: {} });
  const start = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  await database.prisma.event.create({
    data: { slug, name: "Registration benchmark", startsAt: start, endsAt: new Date(start.getTime() + 2 * 3600 * 1000), timeZone: "UTC", typeId: type.id, seats, reserveSeats, publicRegistration: true },
  });
} finally {
  await closeDatabase(database);
}
