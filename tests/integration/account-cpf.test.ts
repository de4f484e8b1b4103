// A participant's CPF: accepted only with valid check digits, stored as digits,
// and unique per person. Since "taken" tells whether someone holds a CPF,
// changes are limited per user and every attempt is in the audit log.
import { afterEach, describe, expect, it } from "vitest";
import { listCpfChanges, maskCpf, setOwnCpf, ownCpf } from "@/lib/account/cpf";
import { setClock } from "@/lib/clock";
import { DomainError, ForbiddenError, ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { actorFor, createActor, createUser } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();

describe("own CPF", () => {
  it("stores a valid CPF as its 11 digits, with or without punctuation", async () => {
    const actor = await actorFor(t.prisma, await createUser(t.prisma, { role: "CLIENT" }));
    expect(await ownCpf(t.prisma, actor)).toBeNull();
    await setOwnCpf(t.prisma, actor, { cpf: "529.982.247-25" });
    expect(await ownCpf(t.prisma, actor)).toBe("52998224725");
  });

  it("refuses wrong check digits and repeated digits", async () => {
    const actor = await actorFor(t.prisma, await createUser(t.prisma, { role: "CLIENT" }));
    for (const cpf of ["529.982.247-26", "111.111.111-11", "1234"]) {
      await expect(setOwnCpf(t.prisma, actor, { cpf })).rejects.toMatchObject({ fields: { cpf: "account.cpfInvalid" } });
    }
    expect(await ownCpf(t.prisma, actor)).toBeNull();
  });

  it("refuses a CPF that belongs to someone else", async () => {
    const first = await actorFor(t.prisma, await createUser(t.prisma, { role: "CLIENT" }));
    const second = await actorFor(t.prisma, await createUser(t.prisma, { role: "CLIENT" }));
    await setOwnCpf(t.prisma, first, { cpf: "390.533.447-05" });
    const attempt = setOwnCpf(t.prisma, second, { cpf: "39053344705" });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ fields: { cpf: "account.cpfTaken" } });
  });
});

describe("CPF changes: limited and audited", () => {
  afterEach(() => {
    setClock(null);
    delete process.env.CPF_CHANGE_RATE_LIMIT;
  });
  // Valid CPFs (check digits computed) that nobody else in this file uses.
  const validCpf = (seed: number) => {
    const base = String(100000000 + seed * 7919)
      .slice(0, 9)
      .split("")
      .map(Number);
    const digit = (ds: number[]) => {
      const sum = ds.reduce((acc, d, i) => acc + d * (ds.length + 1 - i), 0);
      const r = (sum * 10) % 11;
      return r === 10 ? 0 : r;
    };
    const d1 = digit(base);
    return [...base, d1, digit([...base, d1])].join("");
  };

  it("allows 5 changes per hour per user, then refuses with the wait in minutes, without looking at the CPF", async () => {
    const owner = await actorFor(t.prisma, await createUser(t.prisma, { role: "CLIENT" }));
    const prober = await actorFor(t.prisma, await createUser(t.prisma, { role: "CLIENT" }));
    await setOwnCpf(t.prisma, owner, { cpf: validCpf(1) });
    setClock(new Date("2026-03-01T10:00:00Z"));
    // Probing other people's numbers: each answer is an attempt.
    for (let i = 2; i <= 5; i++) await setOwnCpf(t.prisma, prober, { cpf: validCpf(i) });
    await expect(setOwnCpf(t.prisma, prober, { cpf: validCpf(1) })).rejects.toMatchObject({ fields: { cpf: "account.cpfTaken" } });
    // The 6th is refused before the uniqueness check: "taken" or not, the answer is the same.
    const refused = setOwnCpf(t.prisma, prober, { cpf: validCpf(1) });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ key: "account.cpfRateLimited", values: { minutes: 60 } });
    await expect(setOwnCpf(t.prisma, prober, { cpf: validCpf(99) })).rejects.toMatchObject({ key: "account.cpfRateLimited" });
    expect(await ownCpf(t.prisma, prober)).toBe(validCpf(5));
    // An hour later the user may change it again; other users were never limited.
    setClock(new Date("2026-03-01T11:00:01Z"));
    await setOwnCpf(t.prisma, prober, { cpf: validCpf(6) });
    expect(await ownCpf(t.prisma, prober)).toBe(validCpf(6));
  });

  it("does not count numbers with wrong check digits, which reveal nothing", async () => {
    process.env.CPF_CHANGE_RATE_LIMIT = "2";
    const actor = await actorFor(t.prisma, await createUser(t.prisma, { role: "CLIENT" }));
    for (let i = 0; i < 5; i++) await expect(setOwnCpf(t.prisma, actor, { cpf: "529.982.247-26" })).rejects.toBeInstanceOf(ValidationError);
    await setOwnCpf(t.prisma, actor, { cpf: validCpf(20) });
    await setOwnCpf(t.prisma, actor, { cpf: validCpf(21) });
    await expect(setOwnCpf(t.prisma, actor, { cpf: validCpf(22) })).rejects.toMatchObject({ key: "account.cpfRateLimited" });
  });

  it("records every attempt with its user, time and outcome, masked; admins read them newest first", async () => {
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN);
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    const holder = await actorFor(t.prisma, await createUser(t.prisma, { role: "CLIENT" }));
    const actor = await actorFor(t.prisma, await createUser(t.prisma, { role: "CLIENT" }));
    await setOwnCpf(t.prisma, holder, { cpf: validCpf(30) });
    process.env.CPF_CHANGE_RATE_LIMIT = "3";
    const attempts: [string, string][] = [
      [validCpf(31), "saved"],
      [validCpf(31), "unchanged"],
      ["123.456.789-00", "invalid"],
      [validCpf(30), "taken"],
      [validCpf(32), "rateLimited"],
    ];
    let minute = 0;
    for (const [cpf] of attempts) {
      setClock(new Date(Date.UTC(2026, 3, 1, 9, minute++)));
      await setOwnCpf(t.prisma, actor, { cpf }).catch(() => undefined);
    }
    const log = await t.prisma.auditLog.findMany({ where: { entityId: actor.userId }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => [l.action, l.actorId, l.actorName, l.entityType, (l.data as { outcome: string }).outcome])).toEqual(
      attempts.map(([, outcome]) => ["user.cpfChange", actor.userId, actor.name, "User", outcome]),
    );
    expect(log[0].createdAt.toISOString()).toBe("2026-04-01T09:00:00.000Z");
    // Nobody else's number ends up in the log whole.
    expect(JSON.stringify(log)).not.toContain(validCpf(30));
    expect((log[3].data as { cpf: string }).cpf).toBe(maskCpf(validCpf(30)));

    const changes = await listCpfChanges(t.prisma, admin, actor.userId);
    expect(changes.map((c) => c.outcome)).toEqual(["rateLimited", "taken", "invalid", "unchanged", "saved"]);
    expect(changes[1]).toMatchObject({ at: new Date("2026-04-01T09:03:00Z"), cpf: maskCpf(validCpf(30)) });
    await expect(listCpfChanges(t.prisma, staff, actor.userId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("masks all but the last four digits", () => {
    expect(maskCpf("52998224725")).toBe("•••.•••.•47-25");
    expect(maskCpf("12")).toBe("•••.•••.•••-12");
  });
});
