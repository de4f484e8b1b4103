import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; sessionVersion?: number; sessionId?: string } & DefaultSession["user"];
  }
  interface User {
    sessionVersion?: number;
    /** The UserSession row written at sign-in (lib/auth/user-sessions.ts). */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The user's sessionVersion when this session was issued. */
    sv?: number;
    /** The id of the session's UserSession row. */
    sid?: string;
  }
}
