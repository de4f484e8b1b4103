// Status e-mails: saving a change to
// Confirmed or Cancelled reports how many participants to ask about; sending
// queues one e-mail per active participant, in their language, in one
// transaction; only staff who may change the event may send; sessions e-mail
// their own participants.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { createEvent, updateEvent } from "@/lib/events/event-save";
import { eventSchema, type EventInput } from "@/lib/events/schemas";
import { activeParticipantCount, sendStatusEmails } from "@/lib/events/status-emails";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { createActor, eventFormInput, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { allReceived } from "@/tests/helpers/mail";

const t = withTestDatabase();
let admin: Actor;
let staff: Actor;
let otherStaff: Actor;
let typeId: string;

beforeAll(async () => {
  admin = (await createActor(t.prisma, Role.ADMIN)).actor;
  staff = (await createActor(t.prisma, Role.STAFF)).actor;
  otherStaff = (await createActor(t.prisma, Role.STAFF)).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Type ") } })).id;
});

function input(overrides: Partial<EventInput> = {}) {
  return eventSchema.parse(eventFormInput(typeId, { timeZone: "America/Sao_Paulo", ...overrides }));
}

async function participant(eventId: string, data: Partial<Prisma.RegistrationUncheckedCreateInput> = {}) {
  return t.prisma.registration.create({ data: { eventId, name: "Ana", email: `${uniqueTag()}@example.test`, status: "REGISTERED", source: "STAFF", ...data } });
}

const statusMails = (to: string) => t.prisma.emailMessage.findMany({ where: { to, template: "eventStatus" } }).then(allReceived);

describe("saving a status change", () => {
  it("reports a change to Confirmed or Cancelled with the active participants (registered + reserve) to ask about", async () => {
    const data = input();
    const event = await createEvent(t.prisma, admin, data);
    await participant(event.id);
    await participant(event.id, { status: "RESERVE" });
    await participant(event.id, { status: "CANCELLED" });
    expect(await updateEvent(t.prisma, admin, event.id, { ...data, description: "edited" })).toEqual({
      statusChangedTo: null,
      participantCount: 0,
      emailIds: [],
    });
    expect(await updateEvent(t.prisma, admin, event.id, { ...data, status: "CONFIRMED" })).toEqual({
      statusChangedTo: "CONFIRMED",
      participantCount: 2,
      emailIds: [],
    });
    // Saving again without a change does not ask again.
    expect(await updateEvent(t.prisma, admin, event.id, { ...data, status: "CONFIRMED" })).toEqual({
      statusChangedTo: null,
      participantCount: 0,
      emailIds: [],
    });
    expect(await updateEvent(t.prisma, admin, event.id, { ...data, status: "CANCELLED" })).toEqual({
      statusChangedTo: "CANCELLED",
      participantCount: 2,
      emailIds: [],
    });
    // Back to Open is not a change the seed e-mails about.
    expect(await updateEvent(t.prisma, admin, event.id, { ...data, status: "OPEN" })).toEqual({ statusChangedTo: null, participantCount: 0, emailIds: [] });
    // Nothing is sent by saving alone.
    expect(await t.prisma.emailMessage.count({ where: { template: "eventStatus" } })).toBe(0);
  });
});

describe("sending status e-mails", () => {
  it("queues one individual e-mail per active participant, in their language, with details and status", async () => {
    const data = input({ status: "CONFIRMED", onlineUrl: "https://meet.example/room" });
    const event = await createEvent(t.prisma, admin, data);
    const pt = await participant(event.id, { locale: "pt-BR", name: "Bruna" });
    const fi = await participant(event.id, { locale: "fi", status: "RESERVE" });
    const gone = await participant(event.id, { status: "CANCELLED" });
    const result = await sendStatusEmails(t.prisma, admin, event.id);
    expect(result.count).toBe(2);
    expect(result.emailIds).toHaveLength(2);
    const [ptMail] = await statusMails(pt.email);
    expect(ptMail.locale).toBe("pt-BR");
    expect(ptMail.subject).toContain("Evento confirmado");
    expect(ptMail.html).toContain("Olá, Bruna");
    expect(ptMail.text).toContain(data.name);
    expect((await statusMails(fi.email))[0].subject).toContain("vahvistettu");
    expect(await statusMails(gone.email)).toHaveLength(0);
    // "Resend e-mail" works at any time: a second send queues another round.
    expect((await sendStatusEmails(t.prisma, admin, event.id)).count).toBe(2);
    expect(await statusMails(pt.email)).toHaveLength(2);
  });

  it("says the event is cancelled and gives no way in", async () => {
    const data = input({ status: "CANCELLED", onlineUrl: "https://meet.example/cancelled" });
    const event = await createEvent(t.prisma, admin, data);
    const p = await participant(event.id, { userId: admin.userId });
    await sendStatusEmails(t.prisma, admin, event.id);
    const [mail] = await statusMails(p.email);
    expect(mail.subject).toBe(`Event cancelled: ${data.name}`);
    expect(mail.html).not.toContain("meet.example/cancelled");
    expect(mail.html).not.toContain("/join");
  });

  it("tells a reserve they are on the reserve list, at their position, with no way in", async () => {
    const data = input({ status: "CONFIRMED", onlineUrl: "https://meet.example/reserved" });
    const event = await createEvent(t.prisma, admin, data);
    const seated = await participant(event.id, { userId: admin.userId });
    await participant(event.id, { status: "RESERVE", source: "PUBLIC" });
    const second = await participant(event.id, { status: "RESERVE", userId: staff.userId });
    await sendStatusEmails(t.prisma, admin, event.id);
    const [mail] = await statusMails(second.email);
    expect(mail.text).toContain("You are on the reserve list (position 2)");
    expect(mail.html).not.toContain("/join");
    expect(mail.html).not.toContain("meet.example/reserved");
    expect(mail.html).not.toContain("/e/");
    // The registered participant still gets their join link, and no reserve line.
    const [seatedMail] = await statusMails(seated.email);
    expect(seatedMail.html).toContain(`/portal/events/${event.number}/join`);
    expect(seatedMail.text).not.toContain("reserve list");
  });

  it("is all or nothing: one bad address queues no e-mail at all", async () => {
    const event = await createEvent(t.prisma, admin, input());
    const good = await participant(event.id);
    await participant(event.id, { email: "not-an-address" });
    await expect(sendStatusEmails(t.prisma, admin, event.id)).rejects.toThrow();
    expect(await statusMails(good.email)).toHaveLength(0);
  });

  it("is allowed only to staff who may change the event", async () => {
    const event = await createEvent(t.prisma, admin, input({ responsibleId: staff.userId }));
    await participant(event.id);
    await expect(sendStatusEmails(t.prisma, otherStaff, event.id)).rejects.toBeInstanceOf(ForbiddenError);
    const client = (await createActor(t.prisma, Role.CLIENT)).actor;
    await expect(sendStatusEmails(t.prisma, client, event.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await sendStatusEmails(t.prisma, staff, event.id)).count).toBe(1);
    expect((await sendStatusEmails(t.prisma, admin, event.id)).count).toBe(1);
  });

  it("e-mails a session's own participants", async () => {
    const main = await createEvent(t.prisma, admin, input());
    const mainOnly = await participant(main.id);
    const session = await createEvent(
      t.prisma,
      admin,
      input({ mainEventNumber: main.number as never, startsAt: "2030-03-02T12:00:00Z", endsAt: "2030-03-02T15:00:00Z" }),
    );
    const inSession = await participant(session.id);
    expect(await activeParticipantCount(t.prisma, session.id)).toBe(2); // the copy of mainOnly + inSession
    const before = await t.prisma.emailMessage.count({ where: { to: mainOnly.email } });
    await sendStatusEmails(t.prisma, admin, session.id);
    const mails = await t.prisma.emailMessage.findMany({ where: { template: "eventStatus", to: { in: [mainOnly.email, inSession.email] } } }).then(allReceived);
    expect(mails.map((m) => m.to).sort()).toEqual([mainOnly.email, inSession.email].sort());
    expect(await t.prisma.emailMessage.count({ where: { to: mainOnly.email } })).toBe(before + 1);
  });
});
