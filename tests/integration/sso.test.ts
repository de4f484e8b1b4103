// Single sign-on through OpenID Connect providers: who a provider's sign-in is
// (verified e-mail of a pre-registered user, the provider's domains and
// audience, deactivation and portal access), creating clients only where an
// administrator allowed it, the settings with the secret sealed at rest, the
// single-use ticket, and one whole sign-in against a real provider.
import { randomInt } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { CustomerKind, Role, SsoAudience } from "@/lib/generated/prisma/enums";
import { beginSsoSignIn, completeSsoSignIn } from "@/lib/sso/oidc";
import { addSsoClientCreation, createSsoProvider, getSsoProvider, openClientSecret, updateSsoProvider } from "@/lib/sso/providers";
import { ssoProviderSchema, type SsoProviderInput } from "@/lib/sso/schemas";
import { issueSsoTicket, redeemSsoTicket, resolveSsoUser } from "@/lib/sso/sign-in";
import { createActor, createClient, createCustomer, createProfile, createUser, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { signInAtProvider, startOidcProvider } from "../helpers/oidc-test-provider";

const t = withTestDatabase();
let admin: Actor;

beforeAll(async () => {
  process.env.APP_URL = "http://localhost:3000";
  admin = (await createActor(t.prisma, Role.ADMIN)).actor;
});
afterEach(() => setClock(null));

const input = (overrides: Partial<SsoProviderInput> = {}): SsoProviderInput => ({
  label: "Institution",
  issuer: "https://idp.example.org",
  clientId: "portico",
  clientSecret: "s3cret-value-for-tests",
  scopes: "openid email profile",
  allowedDomains: "",
  audience: SsoAudience.BOTH,
  enabled: true,
  ...overrides,
});

async function provider(overrides: Partial<SsoProviderInput> = {}) {
  return (await createSsoProvider(t.prisma, admin, input(overrides))).id;
}

const verified = (email: string) => ({ sub: uniqueTag("sub"), email, email_verified: true, name: "Ana Example" });

describe("who a provider's sign-in is", () => {
  it("links to the pre-registered user with the verified e-mail, whatever its case", async () => {
    const id = await provider();
    const { user } = await createClient(t.prisma, { email: `${uniqueTag("ana")}@uni.example` });
    const result = await resolveSsoUser(t.prisma, id, verified(user.email.toUpperCase()));
    expect(result).toMatchObject({ ok: true, created: false, user: { id: user.id } });
  });

  it("refuses an e-mail the provider did not verify, or none", async () => {
    const id = await provider();
    const { user } = await createClient(t.prisma);
    expect(await resolveSsoUser(t.prisma, id, { ...verified(user.email), email_verified: false })).toEqual({ ok: false, reason: "email_unverified" });
    expect(await resolveSsoUser(t.prisma, id, { sub: "x", email: user.email })).toEqual({ ok: false, reason: "email_unverified" });
    expect(await resolveSsoUser(t.prisma, id, { sub: "x", email_verified: true })).toEqual({ ok: false, reason: "email_missing" });
  });

  it("refuses an unknown e-mail without creating anyone", async () => {
    const id = await provider();
    const email = `${uniqueTag("nobody")}@uni.example`;
    expect(await resolveSsoUser(t.prisma, id, verified(email))).toEqual({ ok: false, reason: "unknown_user" });
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
  });

  it("admits only the provider's e-mail domains", async () => {
    const id = await provider({ allowedDomains: "uni.example, Partner.example" });
    const inside = await createClient(t.prisma, { email: `${uniqueTag("in")}@uni.example` });
    const partner = await createClient(t.prisma, { email: `${uniqueTag("p")}@partner.example` });
    const outside = await createClient(t.prisma, { email: `${uniqueTag("out")}@other.example` });
    const lookalike = await createClient(t.prisma, { email: `${uniqueTag("l")}@evil-uni.example` });
    expect((await resolveSsoUser(t.prisma, id, verified(inside.user.email))).ok).toBe(true);
    expect((await resolveSsoUser(t.prisma, id, verified(partner.user.email))).ok).toBe(true);
    expect(await resolveSsoUser(t.prisma, id, verified(outside.user.email))).toEqual({ ok: false, reason: "domain_not_allowed" });
    expect(await resolveSsoUser(t.prisma, id, verified(lookalike.user.email))).toEqual({ ok: false, reason: "domain_not_allowed" });
  });

  it("admits only the provider's audience: staff, clients or both", async () => {
    const staffOnly = await provider({ audience: SsoAudience.STAFF });
    const clientsOnly = await provider({ audience: SsoAudience.CLIENTS });
    const both = await provider({ audience: SsoAudience.BOTH });
    const { user: staff } = await createActor(t.prisma, Role.STAFF);
    const { user: adminUser } = await createActor(t.prisma, Role.ADMIN);
    const { user: client } = await createClient(t.prisma);
    expect((await resolveSsoUser(t.prisma, staffOnly, verified(staff.email))).ok).toBe(true);
    expect((await resolveSsoUser(t.prisma, staffOnly, verified(adminUser.email))).ok).toBe(true);
    expect(await resolveSsoUser(t.prisma, staffOnly, verified(client.email))).toEqual({ ok: false, reason: "audience" });
    expect(await resolveSsoUser(t.prisma, clientsOnly, verified(staff.email))).toEqual({ ok: false, reason: "audience" });
    expect((await resolveSsoUser(t.prisma, clientsOnly, verified(client.email))).ok).toBe(true);
    expect((await resolveSsoUser(t.prisma, both, verified(client.email))).ok).toBe(true);
    expect((await resolveSsoUser(t.prisma, both, verified(staff.email))).ok).toBe(true);
  });

  it("applies deactivation and the portal-access permission as a password does", async () => {
    const id = await provider();
    const staff = await createUser(t.prisma, { role: Role.STAFF, active: false });
    expect(await resolveSsoUser(t.prisma, id, verified(staff.email))).toEqual({ ok: false, reason: "inactive" });
    const noAccess = await createProfile(t.prisma, { permissions: [] });
    const client = await createUser(t.prisma, { role: Role.CLIENT, profileId: noAccess.id });
    expect(await resolveSsoUser(t.prisma, id, verified(client.email))).toEqual({ ok: false, reason: "no_portal_access" });
  });

  it("refuses through a disabled provider", async () => {
    const id = await provider({ enabled: false });
    const { user } = await createClient(t.prisma);
    expect(await resolveSsoUser(t.prisma, id, verified(user.email))).toEqual({ ok: false, reason: "provider_disabled" });
  });

  it("creates a portal user for an allowed customer and domain, once", async () => {
    const id = await provider({ allowedDomains: "acme.example" });
    const customer = await createCustomer(t.prisma, { kind: CustomerKind.COMPANY });
    const profile = await createProfile(t.prisma);
    await addSsoClientCreation(t.prisma, admin, id, { domain: "ACME.example", customerId: customer.id, profileId: profile.id });
    const email = `${uniqueTag("new")}@acme.example`;
    const first = await resolveSsoUser(t.prisma, id, verified(email));
    expect(first).toMatchObject({ ok: true, created: true, user: { email, role: Role.CLIENT, name: "Ana Example" } });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email }, include: { contactPersons: true } });
    expect(user.profileId).toBe(profile.id);
    expect(user.contactPersons).toMatchObject([{ customerId: customer.id, email }]);
    const again = await resolveSsoUser(t.prisma, id, verified(email));
    expect(again).toMatchObject({ ok: true, created: false, user: { id: user.id } });
    // Another domain still needs an account.
    expect(await resolveSsoUser(t.prisma, id, verified(`${uniqueTag("x")}@other.example`))).toEqual({ ok: false, reason: "domain_not_allowed" });
  });

  it("creates nobody through a staff-only provider, nor with an unverified e-mail", async () => {
    const id = await provider({ audience: SsoAudience.STAFF });
    const customer = await createCustomer(t.prisma, { kind: CustomerKind.COMPANY });
    const profile = await createProfile(t.prisma);
    await addSsoClientCreation(t.prisma, admin, id, { domain: "corp.example", customerId: customer.id, profileId: profile.id });
    const email = `${uniqueTag("new")}@corp.example`;
    expect(await resolveSsoUser(t.prisma, id, verified(email))).toEqual({ ok: false, reason: "unknown_user" });
    const open = await provider();
    await addSsoClientCreation(t.prisma, admin, open, { domain: "corp.example", customerId: customer.id, profileId: profile.id });
    expect(await resolveSsoUser(t.prisma, open, { ...verified(email), email_verified: false })).toEqual({ ok: false, reason: "email_unverified" });
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
  });
});

describe("provider settings", () => {
  it("stores the client secret encrypted and never hands it to the page", async () => {
    const id = await provider({ clientSecret: "plain-secret-never-stored" });
    const row = await t.prisma.ssoProvider.findUniqueOrThrow({ where: { id } });
    expect(row.clientSecretEncrypted).toMatch(/^enc:v1:/);
    expect(row.clientSecretEncrypted).not.toContain("plain-secret-never-stored");
    expect(openClientSecret(row)).toBe("plain-secret-never-stored");
    const forEdit = await getSsoProvider(t.prisma, admin, id);
    expect(forEdit.values.clientSecret).toBe("");
    expect(JSON.stringify(forEdit)).not.toContain("plain-secret");
    // A sealed secret copied to another provider does not open there.
    const other = await provider();
    expect(() => openClientSecret({ id: other, clientSecretEncrypted: row.clientSecretEncrypted })).toThrow();
  });

  it("keeps the stored secret when the field is left blank, replaces it otherwise", async () => {
    const id = await provider({ clientSecret: "first-secret" });
    await updateSsoProvider(t.prisma, admin, id, input({ clientSecret: "", label: "Renamed" }));
    let row = await t.prisma.ssoProvider.findUniqueOrThrow({ where: { id } });
    expect([row.label, openClientSecret(row)]).toEqual(["Renamed", "first-secret"]);
    await updateSsoProvider(t.prisma, admin, id, input({ clientSecret: "second-secret" }));
    row = await t.prisma.ssoProvider.findUniqueOrThrow({ where: { id } });
    expect(openClientSecret(row)).toBe("second-secret");
  });

  it("is for administrators only", async () => {
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    await expect(createSsoProvider(t.prisma, staff, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSsoProvider(t.prisma, admin, input({ clientSecret: "" }))).rejects.toBeInstanceOf(ValidationError);
  });

  it("accepts HTTPS issuers, and plain HTTP only on this machine; scopes need openid", () => {
    expect(ssoProviderSchema.safeParse(input({ issuer: "https://login.example.org/tenant/v2.0" })).success).toBe(true);
    expect(ssoProviderSchema.safeParse(input({ issuer: "http://localhost:3162" })).success).toBe(true);
    expect(ssoProviderSchema.safeParse(input({ issuer: "http://idp.example.org" })).success).toBe(false);
    expect(ssoProviderSchema.safeParse(input({ scopes: "email profile" })).success).toBe(false);
    expect(ssoProviderSchema.safeParse(input({ allowedDomains: "uni.example, not a domain" })).success).toBe(false);
  });
});

describe("the ticket from the callback to the session", () => {
  it("is redeemed once, within a minute, and re-checks the user", async () => {
    const id = await provider();
    const { user } = await createClient(t.prisma);
    const ticket = await issueSsoTicket(t.prisma, id, user.id);
    expect(await redeemSsoTicket(t.prisma, ticket)).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await redeemSsoTicket(t.prisma, ticket)).toEqual({ ok: false, reason: "failed" });

    const late = await issueSsoTicket(t.prisma, id, user.id);
    setClock(new Date(Date.now() + 61_000));
    expect(await redeemSsoTicket(t.prisma, late)).toEqual({ ok: false, reason: "failed" });
    setClock(null);

    const deactivated = await issueSsoTicket(t.prisma, id, user.id);
    await t.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await redeemSsoTicket(t.prisma, deactivated)).toEqual({ ok: false, reason: "inactive" });
    expect(await redeemSsoTicket(t.prisma, "made-up-ticket-value-000000000000")).toEqual({ ok: false, reason: "failed" });
  });
});

describe("a whole sign-in against a real provider", () => {
  it("signs a pre-registered user in by verified e-mail and refuses an unverified one", { timeout: 60_000 }, async () => {
    const port = randomInt(42000, 48000);
    const id = await provider({ issuer: `http://localhost:${port}`, clientId: "portico-test", clientSecret: "portico-test-secret-0123456789" });
    const idp = await startOidcProvider({ port, redirectUris: [`http://localhost:3000/sso/${id}/callback`] });
    try {
      const { user } = await createClient(t.prisma, { email: `${uniqueTag("ana")}@uni.example` });
      idp.accounts.set("ana", { email: user.email, email_verified: true, name: "Ana" });
      idp.accounts.set("unverified", { email: user.email, email_verified: false, name: "Ana" });

      const begun = await beginSsoSignIn(t.prisma, id, "/portal/tickets");
      if (!begun) throw new Error("provider not found");
      expect(begun.url.searchParams.get("code_challenge_method")).toBe("S256");
      const back = await signInAtProvider(begun.url, "ana");
      expect(back.pathname).toBe(`/sso/${id}/callback`);
      expect(await completeSsoSignIn(t.prisma, id, back.search, begun.pending)).toMatchObject({ ok: true, user: { id: user.id } });
      // The same answer again (the code and the state are spent).
      expect(await completeSsoSignIn(t.prisma, id, back.search, begun.pending)).toEqual({ ok: false, reason: "failed" });

      const second = await beginSsoSignIn(t.prisma, id);
      const unverifiedBack = await signInAtProvider(second!.url, "unverified");
      expect(await completeSsoSignIn(t.prisma, id, unverifiedBack.search, second!.pending)).toEqual({ ok: false, reason: "email_unverified" });

      // An answer meant for another sign-in (another state) is refused.
      const third = await beginSsoSignIn(t.prisma, id);
      const fourth = await beginSsoSignIn(t.prisma, id);
      const crossed = await signInAtProvider(third!.url, "ana");
      expect(await completeSsoSignIn(t.prisma, id, crossed.search, fourth!.pending)).toEqual({ ok: false, reason: "failed" });
    } finally {
      await idp.close();
    }
  });
});
