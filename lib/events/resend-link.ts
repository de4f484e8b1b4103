// "Send me my link again" on the public event page: a public registrant who
// lost the confirmation e-mail types their address and each of that address's
// active registrations for the event gets a fresh private link by e-mail (see
// private-links.ts: older links keep working). The answer is the same whether
// or not the address is registered, and requests are limited per address and
// event (past it nothing is looked up or sent, the answer still the same) and,
// by the form guard, per IP, so the form tells nobody who signed up.
import type { Db } from "@/lib/db";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { enqueueEmail } from "@/lib/email/outbox";
import { hitRateLimit, type RateLimit } from "@/lib/security/rate-limit";
import { issuePrivateLink, privateRegistrationUrl } from "./private-links";
import { eventEmailDetails, eventRowForEmail, reservePosition } from "./seat-lock";

const HOUR_MS = 60 * 60 * 1000;

/** REGISTRATION_LINK_RATE_LIMIT_PER_ADDRESS (3 an hour per address and event) and _PER_IP (10 per 15 minutes). */
export function registrationLinkLimits(env = process.env): { perAddress: RateLimit; perIp: RateLimit } {
  return {
    perAddress: { limit: Number(env.REGISTRATION_LINK_RATE_LIMIT_PER_ADDRESS ?? 3), windowMs: HOUR_MS },
    perIp: { limit: Number(env.REGISTRATION_LINK_RATE_LIMIT_PER_IP ?? 10), windowMs: 15 * 60 * 1000 },
  };
}

/**
 * Queues one e-mail per active public registration of `email` at the public
 * event `slug`, each with a new private link; returns the outbox ids (empty
 * for an unknown address, an unknown event or past the per-address limit).
 */
export async function resendPrivateLinks(db: Db, slug: string, rawEmail: string): Promise<string[]> {
  const email = normalizeEmail(rawEmail);
  if (slug.length > 200 || !email) return [];
  const limited = await hitRateLimit(db, `registration-link:address:${slug}:${email}`, registrationLinkLimits().perAddress);
  if (!limited.allowed) return [];
  const event = await db.event.findFirst({ where: { slug, publicRegistration: true, mainEventId: null }, select: { id: true, slug: true } });
  if (!event) return [];
  const registrations = await db.registration.findMany({
    where: { eventId: event.id, email, userId: null, source: "PUBLIC", status: { in: ["REGISTERED", "RESERVE"] } },
    select: { id: true, name: true, email: true, locale: true, status: true },
  });
  if (!registrations.length) return [];
  const row = await eventRowForEmail(db, event.id);
  if (!row) return [];
  const emailIds: string[] = [];
  for (const registration of registrations) {
    const position = registration.status === "RESERVE" ? await reservePosition(db, registration.id) : null;
    const id = await db.$transaction(async (tx) => {
      const token = await issuePrivateLink(tx, registration.id);
      const details = eventEmailDetails(row, registration.name, privateRegistrationUrl(event.slug, token));
      // A reserve holds no seat, so the way in stays out of their e-mail.
      return enqueueEmail(tx, {
        to: registration.email,
        locale: registration.locale,
        timeZone: row.timeZone,
        template: "eventPrivateLink",
        props: { ...details, onlineUrl: position === null ? details.onlineUrl : null, status: registration.status === "RESERVE" ? "RESERVE" : "REGISTERED" },
      });
    });
    emailIds.push(id);
  }
  return emailIds;
}
