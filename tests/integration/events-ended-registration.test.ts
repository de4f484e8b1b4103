// An event that has taken place takes no more sign-ups from the portal or the
// public page, whatever its last registration date says (none set here);
// staff may still record a walk-in after the fact.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ConflictError } from "@/lib/errors";
import { registerForEvent, registerForPublicEvent } from "@/lib/events/registration";
import { createClient, createEvent, createRegistration, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let client: Actor;
const during = "2030-03-01T13:00:00Z";
const afterwards = "2030-03-01T15:30:00Z";

beforeAll(async () => {
  client = (await createClient(t.prisma)).actor;
});
afterEach(() => setClock(null));

async function openEvent() {
  // 2030-03-01 12:00–15:00 UTC, no last registration date.
  return createEvent(t.prisma, { visibleInPortal: true, publicRegistration: true, slug: uniqueTag("ended") } as never);
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("registration once the event has ended", () => {
  it("refuses a portal client and a public registrant, and writes nothing", async () => {
    const event = await openEvent();
    setClock(afterwards);
    const portal = await refusal(registerForEvent(t.prisma, event.id, { source: "PORTAL", actor: client }));
    expect(portal).toBeInstanceOf(ConflictError);
    expect((portal as ConflictError).key).toBe("events.errors.eventEnded");
    const row = await t.prisma.event.findUniqueOrThrow({ where: { id: event.id }, select: { slug: true } });
    const pub = await refusal(
      registerForPublicEvent(t.prisma, row.slug!, { source: "PUBLIC", name: "Late Visitor", email: `${uniqueTag()}@example.test`, locale: "en" }),
    );
    expect((pub as ConflictError).key).toBe("events.errors.eventEnded");
    expect(await t.prisma.registration.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("still accepts sign-ups while the event is running", async () => {
    const event = await openEvent();
    setClock(during);
    const result = await registerForEvent(t.prisma, event.id, { source: "PORTAL", actor: client });
    expect(result.status).toBe("REGISTERED");
  });

  it("lets staff record a walk-in after the end", async () => {
    const event = await openEvent();
    setClock(afterwards);
    const { registration } = await createRegistration(t.prisma, event.id, { name: "Walk-in", email: `${uniqueTag()}@example.test` });
    expect(registration.status).toBe("REGISTERED");
  });
});
