// Pages of events that take no more registrations: a closed event (cancelled,
// ended, past its last registration date) once offered in the portal is
// described to a client instead of answering "not found", while events never
// offered there stay unknown.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getClosedPortalEvent, registrationClosedReason } from "@/lib/events/closed-events";
import { createActor, createEventRecord } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let client: Actor;
let typeId: string;
const day = 24 * 3600 * 1000;

// Offered in the portal unless a test says otherwise.
const event = (overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) => createEventRecord(t.prisma, { typeId, visibleInPortal: true, ...overrides });

beforeAll(async () => {
  client = (await createActor(t.prisma, "CLIENT")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
});
afterEach(() => setClock(null));

describe("why registration is closed", () => {
  it("is cancelled, ended or past the last registration date, and null while open", () => {
    const at = new Date("2027-03-10T12:00:00Z");
    const base = { status: "SCHEDULED", endsAt: new Date("2027-03-20T12:00:00Z"), registrationDeadline: null };
    expect(registrationClosedReason(base, at)).toBeNull();
    expect(registrationClosedReason({ ...base, registrationDeadline: new Date("2027-03-11T00:00:00Z") }, at)).toBeNull();
    expect(registrationClosedReason({ ...base, registrationDeadline: new Date("2027-03-09T00:00:00Z") }, at)).toBe("deadlinePassed");
    expect(registrationClosedReason({ ...base, endsAt: new Date("2027-03-10T11:00:00Z") }, at)).toBe("ended");
    // Cancelled says more than any date.
    expect(registrationClosedReason({ ...base, status: "CANCELLED", endsAt: new Date("2027-03-01T00:00:00Z") }, at)).toBe("cancelled");
  });
});

describe("a closed portal event for a client who is not registered", () => {
  it("describes cancelled, ended and past-deadline events offered in the portal", async () => {
    const cancelled = await event({ status: "CANCELLED" });
    const deadline = new Date(Date.now() - day);
    const pastDeadline = await event({ registrationDeadline: deadline });
    const ended = await event({ startsAt: new Date(Date.now() - 3 * day), endsAt: new Date(Date.now() - 3 * day + 3600_000) });
    expect(await getClosedPortalEvent(t.prisma, client, cancelled.number)).toMatchObject({ name: cancelled.name, reason: "cancelled" });
    expect(await getClosedPortalEvent(t.prisma, client, pastDeadline.number)).toMatchObject({
      name: pastDeadline.name,
      reason: "deadlinePassed",
      registrationDeadline: deadline,
    });
    expect(await getClosedPortalEvent(t.prisma, client, ended.number)).toMatchObject({ reason: "ended" });
  });

  it("stays not found for events never offered in the portal, sessions, open events and unknown numbers", async () => {
    const hidden = await event({ visibleInPortal: false, status: "CANCELLED" });
    const main = await event({ status: "CANCELLED" });
    const session = await event({ mainEventId: main.id, status: "CANCELLED" });
    const open = await event();
    for (const number of [hidden.number, session.number, open.number, 2_147_483_000, -1, 1.5]) {
      await expect(getClosedPortalEvent(t.prisma, client, number)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("follows the clock: an open event closes once its last registration date passes", async () => {
    const e = await event({ registrationDeadline: new Date(Date.now() + day) });
    await expect(getClosedPortalEvent(t.prisma, client, e.number)).rejects.toBeInstanceOf(NotFoundError);
    setClock(new Date(Date.now() + 2 * day));
    expect(await getClosedPortalEvent(t.prisma, client, e.number)).toMatchObject({ reason: "deadlinePassed" });
  });

  it("is for portal clients only", async () => {
    const { actor: staff } = await createActor(t.prisma, "STAFF");
    const e = await event({ status: "CANCELLED" });
    await expect(getClosedPortalEvent(t.prisma, staff, e.number)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
