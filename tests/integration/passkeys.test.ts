// Passkeys: registration and sign-in with real WebAuthn bytes from a software
// authenticator. Challenges are stored, single use and expire; the signature
// counter must go up; the relying party is APP_URL; deactivation and portal
// access apply as with a password; a user reaches only their own passkeys.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CHALLENGE_TTL_MS,
  finishPasskeyRegistration,
  listPasskeys,
  removePasskey,
  startPasskeyRegistration,
  startPasskeySignIn,
  verifyPasskeySignIn,
} from "@/lib/auth/passkeys";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { createActor, createClient, createProfile } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { createCredential, getAssertion, type SoftCredential } from "../helpers/soft-authenticator";

const ORIGIN = "http://localhost:3000";
const t = withTestDatabase();

beforeAll(() => {
  process.env.APP_URL = ORIGIN;
});
afterEach(() => setClock(null));

async function register(actor: Actor, name = "laptop"): Promise<SoftCredential> {
  const { challengeId, options } = await startPasskeyRegistration(t.prisma, actor);
  const { credential, response } = createCredential(options, ORIGIN);
  await finishPasskeyRegistration(t.prisma, actor, { challengeId, name, response });
  return credential;
}

async function signInWith(credential: SoftCredential, opts: { counter?: number; origin?: string; userVerified?: boolean } = {}) {
  const started = await startPasskeySignIn(t.prisma, { ip: "198.51.100.7" });
  if (!started.ok) throw new Error("rate limited");
  const response = getAssertion(credential, started.challenge.options, opts.origin ?? ORIGIN, opts);
  return {
    challengeId: started.challenge.challengeId,
    response,
    result: await verifyPasskeySignIn(t.prisma, { challengeId: started.challenge.challengeId, response }),
  };
}

describe("passkey registration", () => {
  it("registers discoverable, user-verified passkeys for the relying party of APP_URL and lists them", async () => {
    const { actor } = await createActor(t.prisma, Role.STAFF);
    const { options } = await startPasskeyRegistration(t.prisma, actor);
    expect(options.rp.id).toBe("localhost");
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    await register(actor, "work laptop");
    await register(actor, "phone");
    const list = await listPasskeys(t.prisma, actor);
    expect(list.map((p) => p.name).sort()).toEqual(["phone", "work laptop"]);
    // The second registration excluded the first credential.
    const again = await startPasskeyRegistration(t.prisma, actor);
    expect(again.options.excludeCredentials).toHaveLength(2);
  });

  it("a registration challenge works once, only for the user it was made for, and not after it expired", async () => {
    const { actor } = await createActor(t.prisma, Role.STAFF);
    const { actor: other } = await createActor(t.prisma, Role.STAFF);
    const { challengeId, options } = await startPasskeyRegistration(t.prisma, actor);
    const { response } = createCredential(options, ORIGIN);
    await expect(finishPasskeyRegistration(t.prisma, other, { challengeId, name: "x", response })).rejects.toMatchObject({ key: "passkeys.expired" });
    await finishPasskeyRegistration(t.prisma, actor, { challengeId, name: "x", response });
    await expect(finishPasskeyRegistration(t.prisma, actor, { challengeId, name: "y", response })).rejects.toMatchObject({ key: "passkeys.expired" });

    const late = await startPasskeyRegistration(t.prisma, actor);
    const lateResponse = createCredential(late.options, ORIGIN).response;
    setClock(new Date(Date.now() + CHALLENGE_TTL_MS + 1000));
    await expect(finishPasskeyRegistration(t.prisma, actor, { challengeId: late.challengeId, name: "z", response: lateResponse })).rejects.toMatchObject({
      key: "passkeys.expired",
    });
    expect(await t.prisma.passkey.count({ where: { userId: actor.userId } })).toBe(1);
  });

  it("refuses an answer made for another origin", async () => {
    const { actor } = await createActor(t.prisma, Role.STAFF);
    const { challengeId, options } = await startPasskeyRegistration(t.prisma, actor);
    const { response } = createCredential(options, "https://evil.example");
    await expect(finishPasskeyRegistration(t.prisma, actor, { challengeId, name: "x", response })).rejects.toBeInstanceOf(DomainError);
    expect(await t.prisma.passkey.count({ where: { userId: actor.userId } })).toBe(0);
  });

  it("removes only the user's own passkeys", async () => {
    const { actor } = await createActor(t.prisma, Role.STAFF);
    const { actor: other } = await createActor(t.prisma, Role.STAFF);
    await register(actor);
    const [passkey] = await listPasskeys(t.prisma, actor);
    await expect(removePasskey(t.prisma, other, passkey.id)).rejects.toBeInstanceOf(NotFoundError);
    await removePasskey(t.prisma, actor, passkey.id);
    expect(await listPasskeys(t.prisma, actor)).toEqual([]);
  });
});

describe("passkey sign-in", () => {
  it("signs the owner in, stores the new counter and the time of use", async () => {
    const { user, actor } = await createActor(t.prisma, Role.STAFF);
    const credential = await register(actor);
    const { result } = await signInWith(credential);
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: Role.STAFF } });
    const stored = await t.prisma.passkey.findUniqueOrThrow({ where: { credentialId: credential.id } });
    expect(stored.counter).toBe(BigInt(credential.counter));
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("a sign-in challenge answers once: a replayed answer is refused", async () => {
    const { actor } = await createActor(t.prisma, Role.STAFF);
    const credential = await register(actor);
    const { challengeId, response, result } = await signInWith(credential);
    expect(result.ok).toBe(true);
    expect(await verifyPasskeySignIn(t.prisma, { challengeId, response })).toEqual({ ok: false, reason: "passkey_invalid" });
  });

  it("a sign-in challenge expires", async () => {
    const { actor } = await createActor(t.prisma, Role.STAFF);
    const credential = await register(actor);
    const started = await startPasskeySignIn(t.prisma, { ip: "198.51.100.8" });
    if (!started.ok) throw new Error("rate limited");
    const response = getAssertion(credential, started.challenge.options, ORIGIN);
    setClock(new Date(Date.now() + CHALLENGE_TTL_MS + 1000));
    expect(await verifyPasskeySignIn(t.prisma, { challengeId: started.challenge.challengeId, response })).toEqual({ ok: false, reason: "passkey_invalid" });
  });

  it("refuses a counter that did not go up (a copied credential)", async () => {
    const { actor } = await createActor(t.prisma, Role.STAFF);
    const credential = await register(actor);
    expect((await signInWith(credential, { counter: 5 })).result.ok).toBe(true);
    expect((await signInWith(credential, { counter: 5 })).result).toEqual({ ok: false, reason: "passkey_invalid" });
    expect((await signInWith(credential, { counter: 3 })).result).toEqual({ ok: false, reason: "passkey_invalid" });
    expect((await signInWith(credential, { counter: 6 })).result.ok).toBe(true);
    expect((await t.prisma.passkey.findUniqueOrThrow({ where: { credentialId: credential.id } })).counter).toBe(6n);
  });

  it("refuses an answer without user verification, from another origin, or of an unknown credential", async () => {
    const { actor } = await createActor(t.prisma, Role.STAFF);
    const credential = await register(actor);
    expect((await signInWith(credential, { userVerified: false })).result).toEqual({ ok: false, reason: "passkey_invalid" });
    expect((await signInWith(credential, { origin: "https://evil.example" })).result).toEqual({ ok: false, reason: "passkey_invalid" });
    await t.prisma.passkey.deleteMany({ where: { credentialId: credential.id } });
    expect((await signInWith(credential)).result).toEqual({ ok: false, reason: "passkey_invalid" });
  });

  it("applies deactivation and the portal-access permission", async () => {
    const { user, actor } = await createActor(t.prisma, Role.STAFF);
    const credential = await register(actor);
    await t.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await signInWith(credential)).result).toEqual({ ok: false, reason: "inactive" });

    const client = await createClient(t.prisma);
    const clientCredential = await register(client.actor);
    expect((await signInWith(clientCredential)).result.ok).toBe(true);
    const noAccess = await createProfile(t.prisma, { permissions: [] });
    await t.prisma.user.update({ where: { id: client.user.id }, data: { profileId: noAccess.id } });
    expect((await signInWith(clientCredential)).result).toEqual({ ok: false, reason: "no_portal_access" });
  });

  it("limits how many sign-ins one address can start", async () => {
    for (let i = 0; i < 60; i++) expect((await startPasskeySignIn(t.prisma, { ip: "203.0.113.99" })).ok).toBe(true);
    expect(await startPasskeySignIn(t.prisma, { ip: "203.0.113.99" })).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});
