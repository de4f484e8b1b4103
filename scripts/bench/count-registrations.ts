// Prints the benchmark event's registrations and counters as JSON; with
// --emails, the confirmations queued for Portico's participants (@bench.test).
import { closeDatabase, getDatabase } from "@/lib/db/client";

const database = getDatabase();
try {
  if (process.argv.includes("--emails")) {
    console.log(
      JSON.stringify({ emails: await database.prisma.emailMessage.count({ where: { template: "eventRegistration", to: { endsWith: "@bench.test" } } }) }),
    );
    process.exit(0);
  }
  const event = await database.prisma.event.findUniqueOrThrow({
    where: { slug: process.argv[2] ?? "bench" },
    select: { id: true, seats: true, reserveSeats: true, registeredCount: true, reserveCount: true },
  });
  const groups = await database.prisma.registration.groupBy({ by: ["status"], where: { eventId: event.id }, _count: true });
  const rows = Object.fromEntries(groups.map((g) => [g.status, g._count]));
  console.log(JSON.stringify({ ...event, registeredRows: rows.REGISTERED ?? 0, reserveRows: rows.RESERVE ?? 0 }));
} finally {
  await closeDatabase(database);
}
