// The OpenID Connect conversation with an institution's provider (authorization
// code flow with PKCE, state and nonce), through openid-client. The provider's
// settings are read from the database on every sign-in, so a change in the
// admin settings applies at once; its discovery document is kept a few minutes.
import * as oidc from "openid-client";
import { appUrl } from "@/lib/app-url";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { openClientSecret } from "./providers";
import { isAcceptableIssuer } from "./schemas";
import { resolveSsoUser, type SsoClaims, type SsoSignInResult } from "./sign-in";

/** What the browser keeps (in an HttpOnly cookie) between leaving for the provider and coming back. */
export interface SsoPending {
  providerId: string;
  state: string;
  nonce: string;
  verifier: string;
  callbackUrl?: string;
}

const DISCOVERY_TTL_MS = 10 * 60 * 1000;
const discovered = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

interface ProviderRow {
  id: string;
  issuer: string;
  clientId: string;
  clientSecretEncrypted: string;
  scopes: string;
  enabled: boolean;
}

function configurationOf(provider: ProviderRow): Promise<oidc.Configuration> {
  const key = `${provider.id}|${provider.issuer}|${provider.clientId}|${provider.clientSecretEncrypted}`;
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const issuer = new URL(provider.issuer);
  // Plain HTTP is accepted only for a provider on this machine (development, tests); the settings form enforces it too.
  const insecure = issuer.protocol === "http:" && isAcceptableIssuer(provider.issuer);
  const config = oidc.discovery(issuer, provider.clientId, openClientSecret(provider), undefined, {
    ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    timeout: 10,
  });
  discovered.set(key, { at: Date.now(), config });
  // A failed discovery is not kept: the next sign-in tries again.
  config.catch(() => discovered.delete(key));
  return config;
}

export const ssoRedirectUri = (providerId: string) => appUrl(`/sso/${providerId}/callback`);

async function loadProvider(db: DbOrTx, providerId: string): Promise<ProviderRow | null> {
  if (!isUuid(providerId)) return null;
  return db.ssoProvider.findUnique({
    where: { id: providerId },
    select: { id: true, issuer: true, clientId: true, clientSecretEncrypted: true, scopes: true, enabled: true },
  });
}

/** The provider's authorization URL and what to remember until the browser returns; null for an unknown or disabled provider. */
export async function beginSsoSignIn(db: DbOrTx, providerId: string, callbackUrl?: string): Promise<{ url: URL; pending: SsoPending } | null> {
  const provider = await loadProvider(db, providerId);
  if (!provider?.enabled) return null;
  const config = await configurationOf(provider);
  const verifier = oidc.randomPKCECodeVerifier();
  const pending: SsoPending = { providerId, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier, callbackUrl };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ssoRedirectUri(providerId),
    scope: provider.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url, pending };
}

/**
 * Finishes the provider's answer: code for tokens (state, nonce and PKCE
 * checked), the ID token's claims completed from the user info endpoint, then
 * the user as `resolveSsoUser` decides.
 */
export async function completeSsoSignIn(db: DbOrTx, providerId: string, search: string, pending: SsoPending | null): Promise<SsoSignInResult> {
  if (!pending || pending.providerId !== providerId) return { ok: false, reason: "failed" };
  const provider = await loadProvider(db, providerId);
  if (!provider?.enabled) return { ok: false, reason: "provider_disabled" };
  let claims: SsoClaims;
  try {
    const config = await configurationOf(provider);
    // The URL the provider redirected to, on the public address (the redirect_uri must match it exactly).
    const currentUrl = new URL(`${ssoRedirectUri(providerId)}${search}`);
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return { ok: false, reason: "failed" };
    claims = { ...idClaims };
    if (claims.email === undefined || claims.email_verified === undefined) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims, email: idClaims.email ?? info.email, email_verified: idClaims.email_verified ?? info.email_verified };
    }
  } catch (error) {
    console.error("[sso] sign-in through the provider failed", providerId, error instanceof Error ? error.message : error);
    return { ok: false, reason: "failed" };
  }
  return resolveSsoUser(db, providerId, claims);
}
