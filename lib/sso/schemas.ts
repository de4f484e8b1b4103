// The identity provider form of the admin settings and the client-creation
// rule form; used by components/sso/ and by lib/sso/settings-actions.ts.
import { z } from "zod";
import { SsoAudience } from "@/lib/generated/prisma/enums";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A provider's issuer must be reached over HTTPS; plain HTTP only on this
 * machine (a provider started for development or tests).
 */
export function isAcceptableIssuer(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "example.org, Example.com\nx.fi" → ["example.org", "example.com", "x.fi"]; null when one is not a domain. */
export function parseDomains(text: string): string[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  if (parts.some((part) => !DOMAIN.test(part))) return null;
  return [...new Set(parts)];
}

export const ssoProviderSchema = z.object({
  label: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
  issuer: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong").refine(isAcceptableIssuer, "sso.errors.issuerInvalid"),
  clientId: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong"),
  /** Required for a new provider; on edit a blank one keeps the stored secret. */
  clientSecret: z.string().max(2000, "validation.tooLong"),
  scopes: z
    .string()
    .trim()
    .max(500, "validation.tooLong")
    .refine((v) => v.split(/\s+/).includes("openid"), "sso.errors.scopesNeedOpenid"),
  allowedDomains: z
    .string()
    .max(4000, "validation.tooLong")
    .refine((v) => parseDomains(v) !== null, "sso.errors.domainsInvalid"),
  audience: z.enum(SsoAudience, "validation.invalid"),
  enabled: z.boolean(),
});
export type SsoProviderInput = z.infer<typeof ssoProviderSchema>;

export const ssoClientCreationSchema = z.object({
  domain: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(253, "validation.tooLong")
    .refine((v) => parseDomains(v)?.length === 1, "sso.errors.domainInvalid"),
  customerId: z.string().min(1, "validation.required"),
  profileId: z.string().min(1, "validation.required"),
});
export type SsoClientCreationInput = z.infer<typeof ssoClientCreationSchema>;
