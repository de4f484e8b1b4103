// Auth.js (next-auth v5) with e-mail + password. Sessions are JWTs holding the
// user id and the user's session version at sign-in; lib/auth/session.ts
// reloads the user on every request and refuses a session of an older version.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authenticate, type LoginFailure } from "./authenticate";
import { clientIp } from "@/lib/security/client-ip";
import { loginSchema } from "./schemas";
import { authSecret } from "./secret";

class LoginRefused extends CredentialsSignin {
  constructor(
    readonly reason: LoginFailure,
    readonly retryAfterMs = 0,
  ) {
    super(reason);
    this.code = reason;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A refused login is an expected outcome, not a server error.
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) throw new LoginRefused("invalid_credentials");
        const result = await authenticate(db, { ...parsed.data, ip: clientIp(request.headers) });
        if (!result.ok) throw new LoginRefused(result.reason, result.retryAfterMs);
        return { id: result.user.id, name: result.user.name, email: result.user.email, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The version is written at sign-in only: no later update of the token may
    // raise it, or a revoked cookie could renew itself.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sessionVersion = token.sv;
      return session;
    },
  },
});
