// A participant's CPF: accepted only with valid check digits, stored as digits,
// and unique per person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setOwnCpf, ownCpf } from "@/lib/account/cpf";
import { ValidationError } from "@/lib/errors";
import { actorFor, createUser } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.destroy());

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
