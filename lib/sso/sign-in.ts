// Who a provider's sign-in is. Portico's users are registered in advance, and
// a provider only vouches for an e-mail address: the sign-in links to the user
// with that address when the provider says it verified it. The provider's
// e-mail domains and audience (staff, clients or both) narrow who may use it;
// then deactivation, the portal-access permission and roles apply exactly as
// with a password. An unknown address is refused unless an administrator
// allowed creating portal users of one customer for its domain.
import { createHash, randomBytes } from "node:crypto";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { sessionUser, signInRefusal, signInUserSelect, type SessionUser, type SignInRefusal, type SignInUser } from "@/lib/auth/sign-in-rules";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { Role, SsoAudience } from "@/lib/generated/prisma/enums";

export type SsoRefusal =
  "email_missing" | "email_unverified" | "domain_not_allowed" | "audience" | "unknown_user" | "provider_disabled" | "failed" | SignInRefusal;
export const SSO_REFUSALS: readonly SsoRefusal[] = [
  "email_missing",
  "email_unverified",
  "domain_not_allowed",
  "audience",
  "unknown_user",
  "provider_disabled",
  "failed",
  "inactive",
  "no_portal_access",
];

export type SsoSignInResult = { ok: true; user: SessionUser; created: boolean } | { ok: false; reason: SsoRefusal };

/** The claims Portico reads from a provider (ID token and user info merged). */
export interface SsoClaims {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

// A user created for a provider has no password until they set one through
// "forgot password": this value is no argon2 hash, so no password matches it.
const NO_PASSWORD = "!sso";

const audienceAdmits = (audience: SsoAudience, role: Role) =>
  audience === SsoAudience.BOTH || (role === Role.CLIENT ? audience === SsoAudience.CLIENTS : audience === SsoAudience.STAFF);

export async function resolveSsoUser(db: DbOrTx, providerId: string, claims: SsoClaims): Promise<SsoSignInResult> {
  const provider = isUuid(providerId)
    ? await db.ssoProvider.findUnique({ where: { id: providerId }, select: { id: true, label: true, enabled: true, allowedDomains: true, audience: true } })
    : null;
  if (!provider?.enabled) return { ok: false, reason: "provider_disabled" };
  if (typeof claims.email !== "string" || !claims.email.includes("@")) return { ok: false, reason: "email_missing" };
  // Only an address the provider verified: anyone can type an unverified one into their own account there.
  if (claims.email_verified !== true && claims.email_verified !== "true") return { ok: false, reason: "email_unverified" };
  const email = normalizeEmail(claims.email);
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (provider.allowedDomains.length > 0 && !provider.allowedDomains.includes(domain)) return { ok: false, reason: "domain_not_allowed" };

  let created = false;
  let user: SignInUser | null = await db.user.findUnique({ where: { email }, select: signInUserSelect });
  if (!user) {
    const rule =
      provider.audience === SsoAudience.STAFF ? null : await db.ssoClientCreation.findUnique({ where: { providerId_domain: { providerId, domain } } });
    if (!rule) return { ok: false, reason: "unknown_user" };
    const customer = await db.customer.findUnique({ where: { id: rule.customerId }, select: { active: true } });
    if (!customer?.active) return { ok: false, reason: "unknown_user" };
    const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
    try {
      user = await db.user.create({
        data: {
          email,
          name,
          role: Role.CLIENT,
          profileId: rule.profileId,
          passwordHash: NO_PASSWORD,
          contactPersons: { create: { customerId: rule.customerId, name, email } },
        },
        select: signInUserSelect,
      });
      created = true;
      await db.auditLog.create({
        data: {
          actorId: null,
          actorName: provider.label,
          action: "sso.userCreate",
          entityType: "User",
          entityId: user.id,
          data: { providerId, customerId: rule.customerId },
        },
      });
    } catch (error) {
      // A second sign-in of the same person at the same moment created it first.
      if (!isUniqueViolation(error)) throw error;
      user = await db.user.findUnique({ where: { email }, select: signInUserSelect });
      if (!user) throw error;
    }
  }
  if (!audienceAdmits(provider.audience, user.role)) return { ok: false, reason: "audience" };
  const refusal = signInRefusal(user);
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, user: sessionUser(user), created };
}

const TICKET_TTL_MS = 60 * 1000;
const hashTicket = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A one-minute, single-use ticket for the session to pick up this checked sign-in. */
export async function issueSsoTicket(db: DbOrTx, providerId: string, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const at = now();
  await db.ssoSignInTicket.deleteMany({ where: { expiresAt: { lt: at } } });
  await db.ssoSignInTicket.create({ data: { tokenHash: hashTicket(token), userId, providerId, expiresAt: new Date(at.getTime() + TICKET_TTL_MS) } });
  return token;
}

/**
 * Redeems a ticket once. The user and the provider are read again: whatever
 * changed in the meantime (deactivation, a disabled provider) counts.
 */
export async function redeemSsoTicket(db: DbOrTx, token: string): Promise<SsoSignInResult> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return { ok: false, reason: "failed" };
  const tokenHash = hashTicket(token);
  const ticket = await db.ssoSignInTicket.findUnique({
    where: { tokenHash },
    select: { userId: true, provider: { select: { enabled: true, audience: true } } },
  });
  const taken = await db.ssoSignInTicket.deleteMany({ where: { tokenHash, expiresAt: { gt: now() } } });
  if (!ticket || taken.count !== 1) return { ok: false, reason: "failed" };
  if (!ticket.provider.enabled) return { ok: false, reason: "provider_disabled" };
  const user = await db.user.findUnique({ where: { id: ticket.userId }, select: signInUserSelect });
  if (!user) return { ok: false, reason: "failed" };
  if (!audienceAdmits(ticket.provider.audience, user.role)) return { ok: false, reason: "audience" };
  const refusal = signInRefusal(user);
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, user: sessionUser(user), created: false };
}
