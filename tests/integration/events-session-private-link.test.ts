// A public registrant's private link opens their place in each session of the
// main event (the session's replica of their registration) at the session's
// address; a session is cancelled only through its main event, whatever its
// own dates say.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cancellationRule } from "@/lib/events/portal-events";
import { issuePrivateLink } from "@/lib/events/private-links";
import { newAccessToken } from "@/lib/events/seat-lock";
import { findSessionRegistrationByToken } from "@/lib/events/session-private-link";
import { createEventRecord, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let typeId: string;
const day = 24 * 3600 * 1000;

const event = (overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) => createEventRecord(t.prisma, { typeId, ...overrides });

beforeAll(async () => {
  typeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
});

describe("a public registrant's private link at a session's address", () => {
  async function publicRegistration(eventId: string, status: "REGISTERED" | "RESERVE" = "REGISTERED") {
    const { token, hash } = newAccessToken();
    const email = `${uniqueTag("p")}@visitor.test`;
    const main = await t.prisma.registration.create({ data: { eventId, name: "Vera Visitante", email, status, source: "PUBLIC", accessTokenHash: hash } });
    return { token, main, email };
  }

  it("opens the registrant's place in the session, cancelled through the main event", async () => {
    const main = await event({ publicRegistration: true, cancellationDeadline: new Date(Date.now() + 5 * day) });
    const session = await event({ mainEventId: main.id, cancellationDeadline: new Date(Date.now() - day) });
    const { token, main: registration, email } = await publicRegistration(main.id);
    await t.prisma.registration.create({
      data: { eventId: session.id, name: "Vera Visitante", email, status: "REGISTERED", source: "PUBLIC", replicatedFromId: registration.id },
    });

    const found = await findSessionRegistrationByToken(t.prisma, session.slug!, token);
    expect(found).toMatchObject({
      name: "Vera Visitante",
      email,
      status: "REGISTERED",
      event: { name: session.name, mainEvent: { slug: main.slug, name: main.name } },
    });
    // The reason shown is the main event, not the session's own (passed) cancellation date.
    expect(cancellationRule(found!.event)).toEqual({ canCancel: false, reason: "throughMainEvent" });
  });

  it("opens with a link sent again as well as with the first one", async () => {
    const main = await event({ publicRegistration: true });
    const session = await event({ mainEventId: main.id });
    const { main: registration, email } = await publicRegistration(main.id);
    await t.prisma.registration.create({
      data: { eventId: session.id, name: "Vera Visitante", email, status: "REGISTERED", source: "PUBLIC", replicatedFromId: registration.id },
    });
    const again = await issuePrivateLink(t.prisma, registration.id);
    expect(await findSessionRegistrationByToken(t.prisma, session.slug!, again)).toMatchObject({ email, event: { name: session.name } });
  });

  it("holds the main event's reserve position", async () => {
    const main = await event({ publicRegistration: true, seats: 0, reserveSeats: 5 });
    const session = await event({ mainEventId: main.id });
    await t.prisma.registration.create({ data: { eventId: main.id, name: "First", email: `${uniqueTag()}@x.test`, status: "RESERVE", source: "PUBLIC" } });
    const { token, main: registration, email } = await publicRegistration(main.id, "RESERVE");
    await t.prisma.registration.create({
      data: { eventId: session.id, name: "Vera Visitante", email, status: "RESERVE", source: "PUBLIC", replicatedFromId: registration.id },
    });
    expect(await findSessionRegistrationByToken(t.prisma, session.slug!, token)).toMatchObject({ status: "RESERVE", reservePosition: 2 });
  });

  it("opens nothing with another token, at the main event's own address or at another event's", async () => {
    const main = await event({ publicRegistration: true });
    const session = await event({ mainEventId: main.id });
    const otherMain = await event({ publicRegistration: true });
    const { token, main: registration, email } = await publicRegistration(main.id);
    await t.prisma.registration.create({
      data: { eventId: session.id, name: "Vera Visitante", email, status: "REGISTERED", source: "PUBLIC", replicatedFromId: registration.id },
    });
    expect(await findSessionRegistrationByToken(t.prisma, session.slug!, newAccessToken().token)).toBeNull();
    expect(await findSessionRegistrationByToken(t.prisma, main.slug!, token)).toBeNull();
    expect(await findSessionRegistrationByToken(t.prisma, otherMain.slug!, token)).toBeNull();
    expect(await findSessionRegistrationByToken(t.prisma, session.slug!, "")).toBeNull();
    expect(await findSessionRegistrationByToken(t.prisma, session.slug!, "x".repeat(201))).toBeNull();
  });
});
