// Two-factor authentication: enrolment confirmed by a code, the time window,
// no replay of a code, recovery codes used once, the per-user limit on codes,
// an admin's audited reset, and the installation's requirement for staff.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { setClock } from "@/lib/clock";
import { Role } from "@/lib/generated/prisma/enums";
import {
  confirmTotpEnrolment,
  disableTwoFactor,
  hasTwoFactor,
  pendingEnrolment,
  regenerateRecoveryCodes,
  resetTwoFactor,
  startTotpEnrolment,
  twoFactorStatus,
  verifySecondFactor,
} from "@/lib/auth/two-factor";
import { isTwoFactorRequiredForStaff, setTwoFactorRequiredForStaff } from "@/lib/auth/two-factor-policy";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { createActor } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
const T0 = new Date("2026-03-02T10:00:00.000Z");

/** The code an authenticator app shows at `at` (the same library, as a phone would). */
const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at.getTime() });
const plus = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

beforeAll(async () => {
  // The first user hashes the factories' password (argon2, slow on purpose): outside any test's time.
  await createActor(t.prisma, Role.CLIENT);
}, 300_000);
beforeEach(() => setClock(T0));
afterEach(async () => {
  setClock(null);
  await t.prisma.rateLimitBucket.deleteMany();
});

async function enrolled(role: Role = Role.STAFF) {
  const { user, actor } = await createActor(t.prisma, role);
  await startTotpEnrolment(t.prisma, actor);
  const { secret } = (await pendingEnrolment(t.prisma, actor))!;
  const recoveryCodes = await confirmTotpEnrolment(t.prisma, actor, codeAt(secret, T0));
  // The set-up used the current step; later checks start from the next one,
  // with the per-user count of codes starting over.
  setClock(plus(30));
  await t.prisma.rateLimitBucket.deleteMany();
  return { user, actor, secret, recoveryCodes };
}

describe("enrolment", () => {
  it("stays inactive until confirmed with a code, and stores the secret encrypted", async () => {
    const { user, actor } = await createActor(t.prisma, Role.CLIENT);
    await startTotpEnrolment(t.prisma, actor);
    const pending = await pendingEnrolment(t.prisma, actor);
    expect(pending?.uri).toMatch(/^otpauth:\/\/totp\/Portico:.+\?.*secret=/);
    expect(await hasTwoFactor(t.prisma, user.id)).toBe(false);
    const row = await t.prisma.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretEncrypted).toMatch(/^enc:v1:/);
    expect(row.secretEncrypted).not.toContain(pending!.secret);

    await expect(confirmTotpEnrolment(t.prisma, actor, "000000")).rejects.toBeInstanceOf(ValidationError);
    expect(await hasTwoFactor(t.prisma, user.id)).toBe(false);

    const codes = await confirmTotpEnrolment(t.prisma, actor, codeAt(pending!.secret, T0));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await twoFactorStatus(t.prisma, user.id)).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    // Only hashes are kept.
    const stored = await t.prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect(await t.prisma.auditLog.count({ where: { action: "user.twoFactorEnabled", entityId: user.id } })).toBe(1);
  });

  it("cannot be restarted over an active factor", async () => {
    const { actor } = await enrolled();
    await expect(startTotpEnrolment(t.prisma, actor)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("codes", () => {
  it("accept the current step and one either side, nothing further", async () => {
    const { user, secret } = await enrolled();
    const now = plus(300);
    setClock(now);
    expect(await verifySecondFactor(t.prisma, user.id, codeAt(secret, new Date(now.getTime() - 95_000)))).toBeNull();
    expect(await verifySecondFactor(t.prisma, user.id, codeAt(secret, new Date(now.getTime() + 65_000)))).toBeNull();
    expect(await verifySecondFactor(t.prisma, user.id, codeAt(secret, new Date(now.getTime() - 30_000)))).toBe("totp");
    setClock(plus(600));
    expect(await verifySecondFactor(t.prisma, user.id, codeAt(secret, plus(630)))).toBe("totp");
  });

  it("are refused when replayed within their window, and so are older steps", async () => {
    const { user, secret } = await enrolled();
    const code = codeAt(secret, plus(30));
    expect(await verifySecondFactor(t.prisma, user.id, code)).toBe("totp");
    expect(await verifySecondFactor(t.prisma, user.id, code)).toBeNull();
    setClock(plus(45));
    expect(await verifySecondFactor(t.prisma, user.id, code)).toBeNull();
    // The previous step's code is within the window but older than the one used.
    expect(await verifySecondFactor(t.prisma, user.id, codeAt(secret, plus(0)))).toBeNull();
    setClock(plus(60));
    expect(await verifySecondFactor(t.prisma, user.id, codeAt(secret, plus(60)))).toBe("totp");
  });

  it("the same code sent twice at once is accepted once", async () => {
    const { user, secret } = await enrolled();
    const code = codeAt(secret, plus(30));
    const results = await Promise.all([verifySecondFactor(t.prisma, user.id, code), verifySecondFactor(t.prisma, user.id, code)]);
    expect(results.filter((r) => r === "totp")).toHaveLength(1);
  });

  it("recovery codes work once each, in any case and spacing", async () => {
    const { user, recoveryCodes } = await enrolled();
    const [first, second] = recoveryCodes;
    expect(await verifySecondFactor(t.prisma, user.id, first.toUpperCase().replace(/-/g, " "))).toBe("recovery");
    expect(await verifySecondFactor(t.prisma, user.id, first)).toBeNull();
    expect(await verifySecondFactor(t.prisma, user.id, second)).toBe("recovery");
    expect((await twoFactorStatus(t.prisma, user.id)).recoveryCodesLeft).toBe(8);
    // Another user's code is no code here.
    const other = await enrolled();
    expect(await verifySecondFactor(t.prisma, user.id, other.recoveryCodes[0])).toBeNull();
  });

  it("are limited per user: past 10 in 15 minutes even a right code is refused", async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < 10; i++) expect(await verifySecondFactor(t.prisma, user.id, "000000")).toBeNull();
    await expect(verifySecondFactor(t.prisma, user.id, codeAt(secret, plus(30)))).rejects.toBeInstanceOf(ValidationError);
    setClock(plus(16 * 60));
    expect(await verifySecondFactor(t.prisma, user.id, codeAt(secret, plus(16 * 60)))).toBe("totp");
  });

  it("new recovery codes replace the old ones; turning off needs a code", async () => {
    const { user, actor, secret, recoveryCodes } = await enrolled();
    const fresh = await regenerateRecoveryCodes(t.prisma, actor, codeAt(secret, plus(30)));
    expect(await verifySecondFactor(t.prisma, user.id, recoveryCodes[0])).toBeNull();
    await expect(disableTwoFactor(t.prisma, actor, "123456")).rejects.toBeInstanceOf(ValidationError);
    await disableTwoFactor(t.prisma, actor, fresh[0]);
    expect(await twoFactorStatus(t.prisma, user.id)).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
  });
});

describe("administration", () => {
  it("an admin resets a user's second factor, audited; staff may not", async () => {
    const { user } = await enrolled(Role.CLIENT);
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    await expect(resetTwoFactor(t.prisma, staff, user.id)).rejects.toBeInstanceOf(ForbiddenError);
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN);
    await resetTwoFactor(t.prisma, admin, user.id);
    expect(await hasTwoFactor(t.prisma, user.id)).toBe(false);
    expect(await t.prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "user.twoFactorReset", entityId: user.id } });
    expect(entry).toMatchObject({ actorId: admin.userId, entityType: "User", data: { hadFactor: true } });
  });

  it("only admins set the requirement for staff, audited", async () => {
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN);
    expect(await isTwoFactorRequiredForStaff(t.prisma)).toBe(false);
    await expect(setTwoFactorRequiredForStaff(t.prisma, staff, true)).rejects.toBeInstanceOf(ForbiddenError);
    await setTwoFactorRequiredForStaff(t.prisma, admin, true);
    expect(await isTwoFactorRequiredForStaff(t.prisma)).toBe(true);
    expect(await t.prisma.auditLog.count({ where: { action: "settings.twoFactorRequiredForStaff" } })).toBe(1);
    await setTwoFactorRequiredForStaff(t.prisma, admin, false);
    expect(await isTwoFactorRequiredForStaff(t.prisma)).toBe(false);
  });
});
