// Auth.js (next-auth v5). Sessions are JWTs holding the user id, the user's
// session version at sign-in and the id of the sign-in's UserSession row;
// lib/auth/session.ts reloads the user and the row on every request and refuses
// a session of an older version or an ended row.
// Signing in is one or two steps: a first factor (password, e-mailed link), then
// a code when the user has a second factor (lib/auth/sign-in-session.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { Permission, Role, SignInMethod } from "@/lib/generated/prisma/enums";
import { authenticate, type LoginFailure } from "./authenticate";
import { clientIp } from "@/lib/security/client-ip";
import { loginSchema } from "./schemas";
import { passkeyProvider } from "./passkey-provider";
import { ssoTicketProvider } from "@/lib/sso/ticket-provider";
import { authSecret } from "./secret";
import { completeSignInChallenge } from "./sign-in-challenge";
import { consumeSignInLink } from "./sign-in-link";
import { completeSignIn, finishFirstFactor } from "./sign-in-session";
import { SESSION_MAX_AGE_SECONDS } from "./user-sessions";

type SignInFailure = LoginFailure | "invalid_code" | "challenge_expired" | "link_invalid";

class LoginRefused extends CredentialsSignin {
  constructor(
    readonly reason: SignInFailure,
    readonly retryAfterMs = 0,
  ) {
    super(reason);
    this.code = reason;
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** A user found by id after a link or a code: the same refusals as after a password. */
async function allowedUser(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, active: true, sessionVersion: true, profile: { select: { permissions: true } } },
  });
  if (!user) throw new LoginRefused("link_invalid");
  if (!user.active) throw new LoginRefused("inactive");
  if (user.role === Role.CLIENT && !user.profile?.permissions.includes(Permission.PORTAL_ACCESS)) throw new LoginRefused("no_portal_access");
  return user;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
        // Only now, with the password right, may the answer say a code is needed.
        return finishFirstFactor(db, result.user, { headers: request.headers, method: SignInMethod.PASSWORD });
      },
    }),
    // The e-mailed link is a first factor like the password: someone who has the
    // second factor still gives a code, so a read mailbox alone opens no account
    // protected by one.
    Credentials({
      id: "sign-in-link",
      credentials: { token: {} },
      async authorize(credentials, request) {
        const userId = await consumeSignInLink(db, text(credentials.token));
        if (!userId) throw new LoginRefused("link_invalid");
        const user = await allowedUser(userId);
        return finishFirstFactor(db, user, { headers: request.headers, method: SignInMethod.LINK });
      },
    }),
    // The second step: the challenge token from the first step's cookie and a code.
    Credentials({
      id: "second-factor",
      credentials: { challenge: {}, code: {} },
      async authorize(credentials, request) {
        const result = await completeSignInChallenge(db, {
          token: text(credentials.challenge),
          code: text(credentials.code).slice(0, 40),
          ip: clientIp(request.headers),
        });
        if (!result.ok) {
          if (result.reason === "rate_limited") throw new LoginRefused("rate_limited", 15 * 60 * 1000);
          throw new LoginRefused(result.reason === "expired" ? "challenge_expired" : "invalid_code");
        }
        // Deactivation or lost portal access since the first step still counts.
        const user = await allowedUser(result.userId);
        return completeSignIn(db, user, { headers: request.headers, method: result.method, secondFactor: true });
      },
    }),
    // A passkey counts as both factors; a provider's sign-in arrives as a single-use ticket.
    passkeyProvider,
    ssoTicketProvider,
  ],
  callbacks: {
    // The version and the session row are written at sign-in only: no later
    // update of the token may change them, or a revoked cookie could renew itself.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sessionVersion = token.sv;
      session.user.sessionId = token.sid;
      return session;
    },
  },
});
