// The migration to one CPF per person: a person's own customer record (and a
// client's registrations) no longer keep a copy of the CPF; the value moves to
// the user when they have none, the user's is kept where the two differ, and
// every copy that is not kept is written to the audit log before it goes.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations, type Migration } from "@/lib/db/migrate";
import { withTestDatabase } from "../helpers/db-test";

const MIGRATION = "single_cpf";

const t = withTestDatabase({ migrate: false });
let all: Migration[];
beforeAll(async () => {
  all = await readMigrations();
  const at = all.findIndex((m) => m.name.endsWith(`_${MIGRATION}`));
  expect(at).toBeGreaterThan(0);
  await migrate(t.sql, { migrations: all.slice(0, at) });
});

async function user(cpf: string | null = null) {
  const id = randomUUID();
  await t.sql.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, cpf, "updatedAt") VALUES ($1, $2, 'Person', 'x', 'CLIENT', $3, now())`, [
    id,
    `${id}@x.test`,
    cpf,
  ]);
  return id;
}
async function customer(kind: string, document: string | null, userId: string | null) {
  const id = randomUUID();
  await t.sql.query(`INSERT INTO "Customer" (id, kind, name, document, "userId", "updatedAt") VALUES ($1, $2::"CustomerKind", 'Record', $3, $4, now())`, [
    id,
    kind,
    document,
    userId,
  ]);
  return id;
}
const one = async <T>(sql: string, params: unknown[]) => (await t.sql.query<T>(sql, params))[0];

describe("moving CPFs to the user", () => {
  it("moves, keeps the user's, audits what is dropped, and leaves other records alone", async () => {
    // 1. The user has none: the customer record's CPF becomes the user's.
    const moved = await user();
    const movedRecord = await customer("PERSON", "529.982.247-25", moved);
    // 2. The two differ: the user's stays, the record's is audited.
    const differs = await user("39053344705");
    const differsRecord = await customer("STUDENT", "111.444.777-35", differs);
    // 3. The same number: nothing to audit.
    const same = await user("86288366757");
    const sameRecord = await customer("PROFESSOR", "862.883.667-57", same);
    // 4. Not a valid CPF: kept in the audit log, the user gets none.
    const invalid = await user();
    const invalidRecord = await customer("PERSON", "RG 12.345.678-9", invalid);
    // 5. Held by another user: cannot move (unique), audited.
    const blocked = await user();
    const blockedRecord = await customer("PERSON", "39053344705", blocked);
    // 6. A company's document (CNPJ) and a person without a portal user keep theirs.
    const company = await customer("COMPANY", "11.222.333/0001-81", moved);
    const unlinked = await customer("PERSON", "714.602.380-01", null);
    // 7. A client's registration with a CPF, the client having none: it moves to the client.
    const fromRegistration = await user();
    const event = randomUUID();
    const typeId = randomUUID();
    await t.sql.query(`INSERT INTO "EventType" (id, name) VALUES ($1, 'T')`, [typeId]);
    await t.sql.query(
      `INSERT INTO "Event" (id, name, slug, "startsAt", "endsAt", "timeZone", "typeId", seats, "updatedAt") VALUES ($1, 'E', $2, now(), now(), 'UTC', $3, 5, now())`,
      [event, `e-${event}`, typeId],
    );
    const registration = randomUUID();
    await t.sql.query(
      `INSERT INTO "Registration" (id, "eventId", "userId", name, email, cpf, status, source, "updatedAt") VALUES ($1, $2, $3, 'P', 'p@x.test', '25359377003', 'REGISTERED', 'PORTAL', now())`,
      [registration, event, fromRegistration],
    );
    const publicRegistration = randomUUID();
    await t.sql.query(
      `INSERT INTO "Registration" (id, "eventId", name, email, cpf, status, source, "updatedAt") VALUES ($1, $2, 'Q', 'q@x.test', '52998224725', 'REGISTERED', 'PUBLIC', now())`,
      [publicRegistration, event],
    );

    await migrate(t.sql, { migrations: all });

    const cpfOf = async (id: string) => (await one<{ cpf: string | null }>(`SELECT cpf FROM "User" WHERE id = $1`, [id])).cpf;
    const documentOf = async (id: string) => (await one<{ document: string | null }>(`SELECT document FROM "Customer" WHERE id = $1`, [id])).document;
    const audited = async (id: string) =>
      (await t.sql.query<{ data: { document?: string; cpf?: string } }>(`SELECT data FROM "AuditLog" WHERE "entityId" = $1`, [id])).map((r) => r.data);

    expect(await cpfOf(moved)).toBe("52998224725");
    expect(await cpfOf(differs)).toBe("39053344705");
    expect(await cpfOf(same)).toBe("86288366757");
    expect(await cpfOf(invalid)).toBeNull();
    expect(await cpfOf(blocked)).toBeNull();
    expect(await cpfOf(fromRegistration)).toBe("25359377003");
    for (const record of [movedRecord, differsRecord, sameRecord, invalidRecord, blockedRecord]) expect(await documentOf(record)).toBeNull();
    expect(await documentOf(company)).toBe("11.222.333/0001-81");
    expect(await documentOf(unlinked)).toBe("714.602.380-01");

    expect(await audited(movedRecord)).toEqual([]);
    expect(await audited(sameRecord)).toEqual([]);
    expect(await audited(differsRecord)).toEqual([expect.objectContaining({ document: "111.444.777-35", userId: differs })]);
    expect(await audited(invalidRecord)).toEqual([expect.objectContaining({ document: "RG 12.345.678-9" })]);
    expect(await audited(blockedRecord)).toEqual([expect.objectContaining({ document: "39053344705" })]);

    expect((await one<{ cpf: string | null }>(`SELECT cpf FROM "Registration" WHERE id = $1`, [registration])).cpf).toBeNull();
    // A public registrant has no user: their registration's CPF is their only one.
    expect((await one<{ cpf: string | null }>(`SELECT cpf FROM "Registration" WHERE id = $1`, [publicRegistration])).cpf).toBe("52998224725");
    // The helper function is gone again.
    expect(await t.sql.query(`SELECT 1 FROM pg_proc WHERE proname = 'portico_tmp_cpf'`)).toEqual([]);
  });
});
