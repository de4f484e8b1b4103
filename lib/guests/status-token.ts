// The requester's private status link (/g/status/<token>). The token is derived
// from the request id with the app secret, so later e-mails can rebuild the link;
// only its SHA-256 is stored (statusTokenHash), so a database leak reveals no link.
import "server-only";
import { createHash, createHmac } from "node:crypto";
import { appUrl } from "@/lib/app-url";
import { authSecret } from "@/lib/auth/secret";

export function guestStatusToken(requestId: string): string {
  return createHmac("sha256", authSecret()).update(`guest-status:${requestId}`).digest("base64url");
}

export function hashGuestStatusToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function guestStatusPath(requestId: string): string {
  return `/g/status/${guestStatusToken(requestId)}`;
}

export function guestStatusUrl(requestId: string): string {
  return appUrl(guestStatusPath(requestId));
}
