// Seeds the ticket benchmark on DATABASE_URL (after migrate + demo seed):
// BENCH_CUSTOMERS customers with BENCH_TICKETS tickets spread over them in the
// demo "Incident" workflow, a mix of statuses, stages, assignees and ages.
// The benchmark client (bench-client@portico.test, password portico-demo-1)
// reaches BENCH_CLIENT_CUSTOMERS of those customers as a contact person.
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";

const customers = Number(process.env.BENCH_CUSTOMERS ?? 1000);
const tickets = Number(process.env.BENCH_TICKETS ?? 100_000);
const clientCustomers = Number(process.env.BENCH_CLIENT_CUSTOMERS ?? 10);
const database = getDatabase();
const db = database.prisma;
try {
  const type = await db.ticketType.findFirstOrThrow({
    where: { name: "Incident" },
    select: { id: true, groupId: true, stages: { orderBy: { position: "asc" }, select: { id: true, responsible: true, terminal: true } } },
  });
  const profile = await db.profile.findFirstOrThrow({ where: { permissions: { has: "PORTAL_ACCESS" } }, select: { id: true } });
  const client = await db.user.upsert({
    where: { email: "bench-client@portico.test" },
    create: {
      email: "bench-client@portico.test",
      name: "Bench Client",
      role: "CLIENT",
      profileId: profile.id,
      passwordHash: await hashPassword("portico-demo-1"),
    },
    update: {},
  });
  await db.$executeRawUnsafe(
    `INSERT INTO "Customer" (id, kind, name, active, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'COMPANY', 'Bench customer ' || lpad(g::text, 4, '0'), true, now(), now() FROM generate_series(1, $1) g`,
    customers,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "ContactPerson" (id, "customerId", name, "userId", "createdAt")
     SELECT gen_random_uuid(), id, 'Bench Client', $1::uuid, now() FROM "Customer" WHERE name LIKE 'Bench customer %' ORDER BY name LIMIT $2`,
    client.id,
    clientCustomers,
  );
  const staff = await db.user.findMany({ where: { role: { in: ["STAFF", "ADMIN"] } }, select: { id: true } });
  const stages = type.stages.filter((s) => !s.terminal);
  const done = type.stages.find((s) => s.terminal)!;
  // One statement: tickets round-robin over customers; 60 % open in a random
  // non-terminal stage, 30 % completed, 10 % cancelled; updates over a year.
  await db.$executeRawUnsafe(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM "Customer" WHERE name LIKE 'Bench customer %'),
          s AS (SELECT * FROM unnest($3::uuid[], $4::text[]) WITH ORDINALITY AS s(id, responsible, n)),
          st AS (SELECT * FROM unnest($5::uuid[]) WITH ORDINALITY AS st(id, n))
     INSERT INTO "Ticket" (id, "customerId", "groupId", "typeId", "stageId", status, responsible, subject, description, "assigneeId", "stageEnteredAt", "createdAt", "updatedAt", "completedAt", "cancelledAt")
     SELECT gen_random_uuid(), c.id, $1::uuid, $2::uuid,
            CASE WHEN r.k < 60 THEN s.id ELSE $6::uuid END,
            (CASE WHEN r.k < 60 THEN 'OPEN' WHEN r.k < 90 THEN 'COMPLETED' ELSE 'CANCELLED' END)::"TicketStatus",
            (CASE WHEN r.k < 60 THEN s.responsible WHEN r.k < 90 THEN 'STAFF' ELSE 'CLIENT' END)::"StageResponsible",
            'Bench ticket ' || g || ' ' || md5(g::text), 'Generated for the benchmark',
            CASE WHEN g % 3 = 0 THEN NULL ELSE st.id END,
            r.at, r.at - interval '2 days', r.at,
            CASE WHEN r.k BETWEEN 60 AND 89 THEN r.at END, CASE WHEN r.k >= 90 THEN r.at END
     FROM generate_series(1, $7) g
     CROSS JOIN LATERAL (SELECT (g::bigint * 7919) % 100 AS k, now() - ((g::bigint * 104729) % 31536000) * interval '1 second' AS at) r
     JOIN c ON c.n = g % $8
     JOIN s ON s.n = 1 + g % cardinality($3::uuid[])
     JOIN st ON st.n = 1 + g % cardinality($5::uuid[])`,
    type.groupId,
    type.id,
    stages.map((s) => s.id),
    stages.map((s) => s.responsible),
    staff.map((s) => s.id),
    done.id,
    tickets,
    customers,
  );
  // As autovacuum would have by now: fresh statistics and visibility map (index-only counts).
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  const count = await db.ticket.count();
  const reachable = await db.ticket.count({ where: { customer: { contacts: { some: { userId: client.id } } } } });
  console.log(`seeded ${count} tickets over ${customers} customers; the bench client reaches ${reachable}`);
} finally {
  await closeDatabase(database);
}
