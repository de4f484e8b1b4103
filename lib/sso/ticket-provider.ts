// The Auth.js side of signing in through an institution's provider: the
// callback route checked the provider's answer and left a single-use ticket;
// redeeming it here starts the session. The ticket is the only credential this
// accepts, so posting to it directly gets nobody in. The provider is a first
// factor: a user with a second factor still gives a code.
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { finishFirstFactor } from "@/lib/auth/sign-in-session";
import { db } from "@/lib/db";
import { SignInMethod } from "@/lib/generated/prisma/enums";
import { redeemSsoTicket, type SsoRefusal } from "./sign-in";

class SsoRefused extends CredentialsSignin {
  constructor(readonly reason: SsoRefusal) {
    super(reason);
    this.code = reason;
  }
}

export const ssoTicketProvider = Credentials({
  id: "sso",
  name: "Single sign-on",
  credentials: { ticket: {} },
  async authorize(credentials, request) {
    const result = await redeemSsoTicket(db, typeof credentials.ticket === "string" ? credentials.ticket : "");
    if (!result.ok) throw new SsoRefused(result.reason);
    return finishFirstFactor(db, result.user, { headers: request.headers, method: SignInMethod.SSO });
  },
});
