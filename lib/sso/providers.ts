// Identity providers (OpenID Connect) users may sign in through, configured by
// administrators. The client secret is sealed at rest and never read back to a
// page: the form shows only whether one is stored, and a blank field keeps it.
import { randomUUID } from "node:crypto";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CustomerKind } from "@/lib/generated/prisma/enums";
import { decryptSecret, encryptSecret } from "@/lib/security/encryption";
import { parseDomains, type SsoClientCreationInput, type SsoProviderInput } from "./schemas";

/** The encryption context of a provider's secret: a sealed value copied to another provider does not open. */
const secretContext = (providerId: string) => `sso-client-secret:${providerId}`;

export function openClientSecret(provider: { id: string; clientSecretEncrypted: string }): string {
  return decryptSecret(provider.clientSecretEncrypted, secretContext(provider.id));
}

const listSelect = {
  id: true,
  label: true,
  issuer: true,
  audience: true,
  enabled: true,
  allowedDomains: true,
  _count: { select: { clientCreations: true } },
} satisfies Prisma.SsoProviderSelect;
type SsoProviderRow = Prisma.SsoProviderGetPayload<{ select: typeof listSelect }>;

/** Every configured provider; an institution has a handful at most. */
export async function listSsoProviders(db: DbOrTx, actor: Actor): Promise<SsoProviderRow[]> {
  assertAdmin(actor);
  return db.ssoProvider.findMany({ select: listSelect, orderBy: [{ label: "asc" }, { id: "asc" }], take: 100 });
}

interface SsoProviderForEdit {
  id: string;
  values: SsoProviderInput;
  hasSecret: boolean;
  clientCreations: { id: string; domain: string; customer: { id: string; name: string }; profile: { id: string; name: string } }[];
}

export async function getSsoProvider(db: DbOrTx, actor: Actor, id: string): Promise<SsoProviderForEdit> {
  assertAdmin(actor);
  const provider = isUuid(id)
    ? await db.ssoProvider.findUnique({
        where: { id },
        select: {
          id: true,
          label: true,
          issuer: true,
          clientId: true,
          clientSecretEncrypted: true,
          scopes: true,
          allowedDomains: true,
          audience: true,
          enabled: true,
          clientCreations: {
            select: { id: true, domain: true, customer: { select: { id: true, name: true } }, profile: { select: { id: true, name: true } } },
            orderBy: { domain: "asc" },
          },
        },
      })
    : null;
  if (!provider) throw new NotFoundError("common.notFound");
  return {
    id: provider.id,
    values: {
      label: provider.label,
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: "",
      scopes: provider.scopes,
      allowedDomains: provider.allowedDomains.join(", "),
      audience: provider.audience,
      enabled: provider.enabled,
    },
    hasSecret: provider.clientSecretEncrypted !== "",
    clientCreations: provider.clientCreations,
  };
}

function providerData(input: SsoProviderInput) {
  return {
    label: input.label,
    // Discovery appends "/.well-known/openid-configuration"; a trailing slash would double it.
    issuer: input.issuer.replace(/\/+$/, ""),
    clientId: input.clientId,
    scopes: input.scopes.split(/\s+/).filter(Boolean).join(" "),
    allowedDomains: parseDomains(input.allowedDomains) ?? [],
    audience: input.audience,
    enabled: input.enabled,
  };
}

async function audit(db: DbOrTx, actor: Actor, action: string, entityId: string, data: Prisma.InputJsonObject = {}): Promise<void> {
  await db.auditLog.create({ data: { actorId: actor.userId, actorName: actor.name, action, entityType: "SsoProvider", entityId, data } });
}

export async function createSsoProvider(db: DbOrTx, actor: Actor, input: SsoProviderInput): Promise<{ id: string }> {
  assertAdmin(actor);
  if (!input.clientSecret) throw new ValidationError({ clientSecret: "validation.required" });
  const id = randomUUID();
  await db.ssoProvider.create({ data: { id, ...providerData(input), clientSecretEncrypted: encryptSecret(input.clientSecret, secretContext(id)) } });
  await audit(db, actor, "sso.providerCreate", id, { label: input.label, issuer: input.issuer });
  return { id };
}

export async function updateSsoProvider(db: DbOrTx, actor: Actor, id: string, input: SsoProviderInput): Promise<void> {
  assertAdmin(actor);
  const updated = isUuid(id)
    ? await db.ssoProvider.updateMany({
        where: { id },
        data: { ...providerData(input), ...(input.clientSecret ? { clientSecretEncrypted: encryptSecret(input.clientSecret, secretContext(id)) } : {}) },
      })
    : { count: 0 };
  if (updated.count !== 1) throw new NotFoundError("common.notFound");
  await audit(db, actor, "sso.providerUpdate", id, { label: input.label, issuer: input.issuer, secretChanged: input.clientSecret !== "" });
}

export async function deleteSsoProvider(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  assertAdmin(actor);
  const deleted = isUuid(id) ? await db.ssoProvider.deleteMany({ where: { id } }) : { count: 0 };
  if (deleted.count !== 1) throw new NotFoundError("common.notFound");
  await audit(db, actor, "sso.providerDelete", id);
}

export async function addSsoClientCreation(db: DbOrTx, actor: Actor, providerId: string, input: SsoClientCreationInput): Promise<void> {
  assertAdmin(actor);
  const provider = isUuid(providerId) ? await db.ssoProvider.findUnique({ where: { id: providerId }, select: { id: true } }) : null;
  if (!provider) throw new NotFoundError("common.notFound");
  const customer = isUuid(input.customerId) ? await db.customer.findUnique({ where: { id: input.customerId }, select: { active: true } }) : null;
  if (!customer?.active) throw new ValidationError({ customerId: "validation.invalid" });
  const profile = isUuid(input.profileId) ? await db.profile.findUnique({ where: { id: input.profileId }, select: { active: true } }) : null;
  if (!profile?.active) throw new ValidationError({ profileId: "validation.invalid" });
  const domain = parseDomains(input.domain)?.[0];
  if (!domain) throw new ValidationError({ domain: "sso.errors.domainInvalid" });
  try {
    await db.ssoClientCreation.create({ data: { providerId, domain, customerId: input.customerId, profileId: input.profileId } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ domain: "sso.errors.domainTaken" });
    throw error;
  }
  await audit(db, actor, "sso.clientCreationAdd", providerId, { domain, customerId: input.customerId });
}

export async function removeSsoClientCreation(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  assertAdmin(actor);
  const row = isUuid(id) ? await db.ssoClientCreation.findUnique({ where: { id }, select: { providerId: true, domain: true } }) : null;
  if (!row) throw new NotFoundError("common.notFound");
  await db.ssoClientCreation.deleteMany({ where: { id } });
  await audit(db, actor, "sso.clientCreationRemove", row.providerId, { domain: row.domain });
}

/** Customers new portal users can be attached to: active companies and prospects (people have their own accounts). */
export async function listSsoCustomerOptions(db: DbOrTx, actor: Actor): Promise<{ id: string; name: string }[]> {
  assertAdmin(actor);
  return db.customer.findMany({
    where: { active: true, kind: { in: [CustomerKind.COMPANY, CustomerKind.PROSPECT] } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
  });
}

/** The buttons of the sign-in page: enabled providers, by label. */
export async function enabledSsoProviders(db: DbOrTx): Promise<{ id: string; label: string }[]> {
  return db.ssoProvider.findMany({ where: { enabled: true }, select: { id: true, label: true }, orderBy: [{ label: "asc" }, { id: "asc" }], take: 20 });
}
