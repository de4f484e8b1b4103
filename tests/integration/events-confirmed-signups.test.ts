// Public sign-ups confirmed by e-mail: a public registration to an event that
// asks for it holds its place (seat or reserve seat) until the registrant
// opens the e-mailed link; the sweep ends holds nobody confirmed in time,
// freeing the place and promoting the next reserve once, under the event's
// lock. Staff find held, confirmed and expired sign-ups in the participants list.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { expireHoldsAndOffers, confirmHold, readHold } from "@/lib/events/holds";
import { listParticipants } from "@/lib/events/participants";
import { cancelRegistration, findRegistrationByToken, registerForEvent, registerForPublicEvent, type Registrant } from "@/lib/events/registration";
import type { EventInput } from "@/lib/events/schemas";
import { Role } from "@/lib/generated/prisma/enums";
import { createActor, createClient, createEvent, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { received } from "../helpers/mail";

const NOW = new Date("2030-01-10T12:00:00Z");
const t = withTestDatabase();
let admin: Actor;
let typeId: string;

beforeAll(async () => {
  admin = (await createActor(t.prisma, Role.ADMIN)).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Public "), isPublic: true } })).id;
});
afterEach(async () => {
  setClock(NOW);
  // Each test counts what one sweep ends: holds left by earlier tests are settled first.
  await t.prisma.registration.updateMany({ where: { hold: "HELD" }, data: { hold: "CONFIRMED" } });
});
setClock(NOW);

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

/** A public event (starting 2030-03-01) that asks public registrants to confirm, unless told otherwise. */
function newEvent(overrides: Partial<EventInput> & { reserve?: number; sessions?: number } = {}) {
  return createEvent(t.prisma, { actor: admin, typeId, publicRegistration: true, visibleInPortal: true, confirmPublicSignups: true, seats: 2, ...overrides });
}

const publicly = (email = `${uniqueTag()}@example.test`): Extract<Registrant, { source: "PUBLIC" }> => ({
  source: "PUBLIC",
  name: `Person ${uniqueTag()}`,
  email,
  locale: "en",
});
const staffAdds = (email = `${uniqueTag()}@example.test`): Registrant => ({ source: "STAFF", actor: admin, name: `Walk-in ${uniqueTag()}`, email });

const row = (id: string) =>
  t.prisma.registration.findUniqueOrThrow({ where: { id }, select: { status: true, hold: true, holdExpiresAt: true, cancelledAt: true } });
const counters = (id: string) => t.prisma.event.findUniqueOrThrow({ where: { id }, select: { registeredCount: true, reserveCount: true } });
const mails = (to: string, template: string) => t.prisma.emailMessage.findMany({ where: { to, template } });

/** The token in a confirmation link (…/e/<slug>/r/<token>/confirm). */
function tokenOf(url: string): string {
  const match = /\/r\/([^/]+)\/confirm$/.exec(url);
  if (!match) throw new Error(`not a confirmation link: ${url}`);
  return match[1];
}

async function confirmationLink(email: string): Promise<string> {
  const [mail] = await mails(email, "eventRegistration");
  const rendered = await received(mail);
  const match = /href="([^"]+\/confirm)"/.exec(rendered.html);
  if (!match) throw new Error("the e-mail carries no confirmation link");
  return match[1];
}

describe("a public sign-up to an event that asks for confirmation", () => {
  it("holds a seat until the event's hold time runs out, and the e-mail asks for the click", async () => {
    const event = await newEvent({ holdMinutes: 45 });
    const person = publicly();
    const result = await registerForPublicEvent(t.prisma, event.slug, person);
    expect(result).toMatchObject({ status: "REGISTERED", holdExpiresAt: minutes(45) });
    expect(await row(result.registrationId)).toMatchObject({ status: "REGISTERED", hold: "HELD", holdExpiresAt: minutes(45) });
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 0 });

    const [mail] = await mails(person.email, "eventRegistration");
    const { name } = await t.prisma.event.findUniqueOrThrow({ where: { id: event.id }, select: { name: true } });
    expect(mail.subject).toBe(`Confirm your registration: ${name}`);
    const link = await confirmationLink(person.email);
    // The link is the registrant's private link: it opens this registration.
    expect((await findRegistrationByToken(t.prisma, tokenOf(link)))?.id).toBe(result.registrationId);
    expect(link).toContain(`/e/${event.slug}/r/`);
  });

  it("holds a reserve seat the same way once the seats are taken", async () => {
    const event = await newEvent({ seats: 1, reserve: 1 });
    await registerForEvent(t.prisma, event.id, staffAdds());
    const result = await registerForPublicEvent(t.prisma, event.slug, publicly());
    expect(result.status).toBe("RESERVE");
    expect(await row(result.registrationId)).toMatchObject({ status: "RESERVE", hold: "HELD", holdExpiresAt: minutes(30) });
  });

  it("does not hold sign-ups of an event that does not ask, nor portal and staff registrations", async () => {
    const off = await newEvent({ confirmPublicSignups: false });
    const open = await registerForPublicEvent(t.prisma, off.slug, publicly());
    expect(open.holdExpiresAt).toBeUndefined();
    expect((await row(open.registrationId)).hold).toBeNull();
    const [mail] = await t.prisma.emailMessage.findMany({ where: { id: { in: open.emailIds } } });
    expect(mail.subject).toMatch(/^Registration confirmed/);

    const on = await newEvent();
    const { actor: client } = await createClient(t.prisma);
    const portal = await registerForEvent(t.prisma, on.id, { source: "PORTAL", actor: client });
    const staff = await registerForEvent(t.prisma, on.id, staffAdds());
    expect((await row(portal.registrationId)).hold).toBeNull();
    expect((await row(staff.registrationId)).hold).toBeNull();
  });

  it("is confirmed by the link's button; opening the link alone changes nothing; confirming again changes nothing", async () => {
    const event = await newEvent();
    const person = publicly();
    const { registrationId } = await registerForPublicEvent(t.prisma, event.slug, person);
    const token = tokenOf(await confirmationLink(person.email));
    setClock(minutes(29));
    // What the page reads when the link is opened (by the person, or by a mail scanner).
    expect(await readHold(t.prisma, token)).toMatchObject({ kind: "pending", slug: event.slug, expiresAt: minutes(30) });
    expect(await readHold(t.prisma, token)).toMatchObject({ kind: "pending" });
    expect((await row(registrationId)).hold).toBe("HELD");
    expect(await confirmHold(t.prisma, token)).toMatchObject({ kind: "confirmed", slug: event.slug });
    expect(await confirmHold(t.prisma, token)).toMatchObject({ kind: "alreadyConfirmed" });
    expect(await readHold(t.prisma, token)).toMatchObject({ kind: "alreadyConfirmed" });
    expect((await row(registrationId)).hold).toBe("CONFIRMED");
    // A confirmed place outlives the hold time.
    setClock(minutes(120));
    expect(await expireHoldsAndOffers(t.prisma)).toMatchObject({ expiredHolds: 0 });
    expect(await row(registrationId)).toMatchObject({ status: "REGISTERED", hold: "CONFIRMED" });
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 0 });
  });

  it("refuses a confirmation after the deadline and says when it ran out, before and after the sweep", async () => {
    const event = await newEvent();
    const person = publicly();
    const { registrationId } = await registerForPublicEvent(t.prisma, event.slug, person);
    const token = tokenOf(await confirmationLink(person.email));
    setClock(minutes(30));
    expect(await readHold(t.prisma, token)).toMatchObject({ kind: "expired", expiresAt: minutes(30) });
    expect(await confirmHold(t.prisma, token)).toMatchObject({ kind: "expired", expiresAt: minutes(30) });
    expect((await row(registrationId)).hold).toBe("HELD");
    await expireHoldsAndOffers(t.prisma);
    expect(await confirmHold(t.prisma, token)).toMatchObject({ kind: "expired", expiresAt: minutes(30) });
    expect(await row(registrationId)).toMatchObject({ status: "CANCELLED", hold: "EXPIRED" });
  });

  it("answers nothing for a token that opens no registration", async () => {
    expect(await confirmHold(t.prisma, "not-a-token")).toBeNull();
  });

  it("expires when not confirmed: the seat is freed and the first reserve moves up, once", async () => {
    const event = await newEvent({ seats: 1, reserve: 2 });
    const person = publicly();
    const held = await registerForPublicEvent(t.prisma, event.slug, person);
    const reserveEmail = `${uniqueTag()}@example.test`;
    const reserve = await registerForEvent(t.prisma, event.id, staffAdds(reserveEmail));
    expect(reserve.status).toBe("RESERVE");

    setClock(minutes(29));
    expect(await expireHoldsAndOffers(t.prisma)).toMatchObject({ expiredHolds: 0 });
    expect((await row(held.registrationId)).status).toBe("REGISTERED");

    setClock(minutes(30));
    const sweep = await expireHoldsAndOffers(t.prisma);
    expect(sweep).toMatchObject({ expiredHolds: 1, expiredOffers: 0 });
    // The reserve moved up and is told; the unconfirmed address gets nothing
    // more (it may belong to someone who never signed up).
    expect(sweep.emailIds).toHaveLength(1);
    expect(await t.prisma.emailMessage.count({ where: { to: person.email } })).toBe(1);
    expect(await row(held.registrationId)).toMatchObject({ status: "CANCELLED", hold: "EXPIRED", cancelledAt: minutes(30) });
    expect((await row(reserve.registrationId)).status).toBe("REGISTERED");
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 0 });
    expect(await mails(reserveEmail, "eventPromoted")).toHaveLength(1);

    // A second run (another worker, a retry) finds nothing left to do.
    expect(await expireHoldsAndOffers(t.prisma)).toEqual({ expiredHolds: 0, expiredOffers: 0, emailIds: [] });
    expect(await mails(reserveEmail, "eventPromoted")).toHaveLength(1);
  });

  it("takes an unconfirmed reserve off the reserve list", async () => {
    const event = await newEvent({ seats: 1, reserve: 2 });
    await registerForEvent(t.prisma, event.id, staffAdds());
    const held = await registerForPublicEvent(t.prisma, event.slug, publicly());
    setClock(minutes(31));
    expect(await expireHoldsAndOffers(t.prisma)).toMatchObject({ expiredHolds: 1 });
    expect(await row(held.registrationId)).toMatchObject({ status: "CANCELLED", hold: "EXPIRED" });
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 0 });
  });

  it("lets an expired sign-up register again, held anew", async () => {
    const event = await newEvent();
    const person = publicly();
    const first = await registerForPublicEvent(t.prisma, event.slug, person);
    setClock(minutes(40));
    await expireHoldsAndOffers(t.prisma);
    const again = await registerForPublicEvent(t.prisma, event.slug, person);
    expect(again.registrationId).toBe(first.registrationId);
    expect(await row(again.registrationId)).toMatchObject({ status: "REGISTERED", hold: "HELD", holdExpiresAt: minutes(70) });
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 0 });
  });

  it("a sign-up cancelled while held is not expired later, and its link says it was cancelled", async () => {
    const event = await newEvent();
    const person = publicly();
    const { registrationId, accessToken } = await registerForPublicEvent(t.prisma, event.slug, person);
    await cancelRegistration(t.prisma, { accessToken: accessToken! }, registrationId);
    setClock(minutes(40));
    expect(await expireHoldsAndOffers(t.prisma)).toMatchObject({ expiredHolds: 0 });
    expect(await confirmHold(t.prisma, accessToken!)).toMatchObject({ kind: "cancelled" });
    expect(await counters(event.id)).toEqual({ registeredCount: 0, reserveCount: 0 });
  });

  it("follows the main event into its sessions: held copies, cancelled copies when the hold expires", async () => {
    const event = await newEvent({ sessions: 2 });
    const { registrationId } = await registerForPublicEvent(t.prisma, event.slug, publicly());
    const copies = () => t.prisma.registration.findMany({ where: { replicatedFromId: registrationId }, select: { status: true } });
    expect((await copies()).map((c) => c.status)).toEqual(["REGISTERED", "REGISTERED"]);
    setClock(minutes(30));
    await expireHoldsAndOffers(t.prisma);
    expect((await copies()).map((c) => c.status)).toEqual(["CANCELLED", "CANCELLED"]);
    const sessions = await t.prisma.event.findMany({ where: { mainEventId: event.id }, select: { registeredCount: true } });
    expect(sessions.map((s) => s.registeredCount)).toEqual([0, 0]);
  });
});

describe("the participants list", () => {
  it("filters held, confirmed and expired sign-ups and shows each one's state", async () => {
    const event = await newEvent({ seats: 5 });
    const confirmed = publicly();
    await registerForPublicEvent(t.prisma, event.slug, confirmed);
    const expiring = await registerForPublicEvent(t.prisma, event.slug, publicly());
    await confirmHold(t.prisma, tokenOf(await confirmationLink(confirmed.email)));
    // Expire the second one only: move its deadline back.
    await t.prisma.registration.update({ where: { id: expiring.registrationId }, data: { holdExpiresAt: minutes(-1) } });
    await expireHoldsAndOffers(t.prisma);
    const held = await registerForPublicEvent(t.prisma, event.slug, publicly());
    await registerForEvent(t.prisma, event.id, staffAdds());

    const page = { page: 1, pageSize: 20, q: "" };
    const all = await listParticipants(t.prisma, admin, event.id, { ...page });
    expect(all.total).toBe(4);
    const filtered = async (filter: "held" | "confirmed" | "expired") => (await listParticipants(t.prisma, admin, event.id, { ...page }, filter)).rows;
    expect((await filtered("held")).map((r) => r.id)).toEqual([held.registrationId]);
    expect((await filtered("held"))[0]).toMatchObject({ hold: "HELD", holdExpiresAt: minutes(30), status: "REGISTERED" });
    expect((await filtered("confirmed")).map((r) => r.email)).toEqual([confirmed.email]);
    expect((await filtered("expired")).map((r) => r.id)).toEqual([expiring.registrationId]);
    expect((await listParticipants(t.prisma, admin, event.id, { ...page }, "expired")).total).toBe(1);
  });
});
