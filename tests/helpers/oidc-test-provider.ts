// A real OpenID Connect provider (oidc-provider) on a local port, for the
// single sign-on tests. Its development login page signs in any account named
// in `accounts` (any password); consent is skipped, as for a first-party
// client. Claims go into the ID token.
import type { Server } from "node:http";
import Provider, { type Configuration } from "oidc-provider";

interface TestAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

export async function startOidcProvider(options: { port: number; redirectUris: string[]; clientId?: string; clientSecret?: string }): Promise<TestProvider> {
  const issuer = `http://localhost:${options.port}`;
  const clientId = options.clientId ?? "portico-test";
  const clientSecret = options.clientSecret ?? "portico-test-secret-0123456789";
  const accounts = new Map<string, TestAccount>();
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["portico-oidc-test-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: async () => ({ sub, ...account }) } : undefined;
    },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  // The development pages warn on every start; the tests know.
  provider.on("server_error", (_ctx, error) => console.error("[oidc-test-provider]", error));
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Cookies as a tiny jar for fetch: what the provider set, sent back. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * What a browser does at the provider: open the authorization URL, fill in
 * the development login form as `login`, and follow redirects until the
 * provider sends the browser back to the client. Returns that URL.
 */
export async function signInAtProvider(authorizationUrl: URL, login: string): Promise<URL> {
  const jar = new Jar();
  let url = authorizationUrl.href;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: jar.header(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body,
    });
    jar.take(response);
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== authorizationUrl.origin) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`unexpected page from the provider (${response.status}): ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const [tag] of html.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1];
      if (name) fields.set(name, /value="([^"]*)"/.exec(tag)?.[1] ?? "");
    }
    if (fields.has("login")) {
      fields.set("login", login);
      fields.set("password", "any");
    }
    url = new URL(action, url).href;
    body = fields;
  }
  throw new Error("the provider never sent the browser back");
}
