// "Send me my link again" and the private link in status e-mails: a public
// registrant gets a fresh private link by e-mail; every link issued keeps
// working; the form answers the same whether or not the address is
// registered; requests are limited per address (and per IP by the form guard).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";

const state = vi.hoisted(() => {
  process.env.AUTH_SECRET = "test-secret-for-registration-links-0123456789";
  return { db: null as unknown as Db, scheduled: [] as (() => Promise<unknown> | unknown)[], ip: "203.0.113.7" };
});

vi.mock("@/lib/db", () => ({ db: new Proxy({}, { get: (_t, property) => Reflect.get(state.db as object, property) }) }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => Promise<unknown>) => void state.scheduled.push(task),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": state.ip }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock("@/lib/jobs/notify", () => ({ notifyOutbox: async () => {} }));

import { setClock } from "@/lib/clock";
import { joinEvent } from "@/lib/events/attendance";
import { certificateStateForToken } from "@/lib/events/certificates/access";
import { issueCertificates } from "@/lib/events/certificates/issue";
import { setNationalIdSetting } from "@/lib/settings/national-id";
import { cancelRegistration, findRegistrationByToken, registerForEvent, registerForPublicEvent } from "@/lib/events/registration";
import { resendPrivateLinkAction } from "@/lib/events/public-actions";
import { resendPrivateLinks } from "@/lib/events/resend-link";
import { sendStatusEmails } from "@/lib/events/status-emails";
import { Role } from "@/lib/generated/prisma/enums";
import { createActor, createUser, uniqueTag } from "../helpers/factories";
import { allReceived } from "../helpers/mail";
import { MemoryStorage } from "../helpers/memory-storage";
import { solveChallenge } from "../helpers/proof-of-work";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let typeId: string;
beforeAll(async () => {
  state.db = t.prisma;
  typeId = (await t.prisma.eventType.create({ data: { name: "Training", isPublic: true } })).id;
});
beforeEach(async () => {
  state.scheduled = [];
  await t.prisma.rateLimitBucket.deleteMany();
});

async function createEvent(overrides: Record<string, unknown> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: `Event ${tag}`,
      slug: tag,
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      endsAt: new Date(Date.now() + 7 * 86_400_000 + 3 * 3_600_000),
      timeZone: "America/Sao_Paulo",
      typeId,
      seats: 5,
      reserveSeats: 2,
      visibleInPortal: true,
      publicRegistration: true,
      ...overrides,
    },
  });
}

const publicly = (email: string) => ({ source: "PUBLIC" as const, name: `Person ${email}`, email, locale: "en" });
const linkMails = (to: string) =>
  t.prisma.emailMessage.findMany({ where: { to, template: "eventPrivateLink" }, orderBy: { createdAt: "asc" } }).then(allReceived);
/** The private link's token out of an e-mail's HTML. */
function tokenIn(html: string, slug: string): string {
  const match = new RegExp(`/e/${slug}/r/([A-Za-z0-9_-]+)`).exec(html);
  if (!match) throw new Error("no private link in the e-mail");
  return match[1];
}

/** Submits the form as the browser does (with a solved proof of work), then runs what it left for after the answer. */
async function submit(slug: string, email: string) {
  const result = await resendPrivateLinkAction(slug, await solveChallenge(t.prisma, "registration-link"), { email, website: "" });
  const tasks = state.scheduled.splice(0);
  for (const task of tasks) await task();
  return result;
}

describe("send me my link again", () => {
  it("e-mails a fresh private link that opens the registration; the old link keeps working", async () => {
    const event = await createEvent({ onlineUrl: "https://meet.example/room" });
    const first = await registerForPublicEvent(t.prisma, event.slug, publicly("lost@x.test"));
    const result = await submit(event.slug, "  Lost@X.test ");
    expect(result).toEqual({ ok: true, message: { key: "events.public.linkSent" } });
    const [mail] = await linkMails("lost@x.test");
    expect(mail.subject).toContain(event.name);
    const token = tokenIn(mail.html, event.slug);
    expect(token).not.toBe(first.accessToken);
    expect((await findRegistrationByToken(t.prisma, token))?.id).toBe(first.registrationId);
    // Both links work: the one of the confirmation e-mail, and the new one.
    expect((await findRegistrationByToken(t.prisma, first.accessToken!))?.id).toBe(first.registrationId);
    // The new link reaches the online event (attendance) and may cancel.
    expect(mail.html).toContain(`/e/${event.slug}/r/${token}/join`);
    await expect(joinEvent(t.prisma, { accessToken: token }, event.number)).resolves.toBeDefined();
    await cancelRegistration(t.prisma, { accessToken: token }, first.registrationId);
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: first.registrationId } })).status).toBe("CANCELLED");
    // Only the hash is stored.
    expect(await t.prisma.registrationLink.count({ where: { tokenHash: token } })).toBe(0);
    expect(await t.prisma.registrationLink.count({ where: { registrationId: first.registrationId } })).toBe(1);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const event = await createEvent();
    await registerForPublicEvent(t.prisma, event.slug, publicly("known@x.test"));
    const known = await submit(event.slug, "known@x.test");
    const unknown = await submit(event.slug, "nobody@x.test");
    expect(unknown).toEqual(known);
    expect(await linkMails("nobody@x.test")).toHaveLength(0);
    expect(await linkMails("known@x.test")).toHaveLength(1);
  });

  it("sends nothing for a cancelled registration, a portal registration or another event's", async () => {
    const event = await createEvent();
    const other = await createEvent();
    const gone = await registerForPublicEvent(t.prisma, event.slug, publicly("gone@x.test"));
    await cancelRegistration(t.prisma, { accessToken: gone.accessToken! }, gone.registrationId);
    const client = await createUser(t.prisma, { role: Role.CLIENT });
    const { actor } = await createActor(t.prisma, Role.STAFF);
    await registerForEvent(t.prisma, event.id, { source: "STAFF", actor, name: client.name, email: client.email, userId: client.id });
    await registerForPublicEvent(t.prisma, other.slug, publicly("elsewhere@x.test"));
    for (const email of ["gone@x.test", client.email, "elsewhere@x.test"]) expect(await resendPrivateLinks(t.prisma, event.slug, email)).toEqual([]);
  });

  it("limits requests per address and event: past 3 an hour it answers the same and sends nothing", async () => {
    const event = await createEvent();
    await registerForPublicEvent(t.prisma, event.slug, publicly("often@x.test"));
    const answers = [];
    for (let i = 0; i < 4; i++) {
      state.ip = `203.0.113.${20 + i}`;
      answers.push(await submit(event.slug, "often@x.test"));
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await linkMails("often@x.test")).toHaveLength(3);
  });

  it("limits requests per IP, whatever the address", async () => {
    process.env.REGISTRATION_LINK_RATE_LIMIT_PER_IP = "2";
    try {
      const event = await createEvent();
      state.ip = "198.51.100.9";
      expect(await submit(event.slug, "a@x.test")).toMatchObject({ ok: true });
      expect(await submit(event.slug, "b@x.test")).toMatchObject({ ok: true });
      expect(await submit(event.slug, "c@x.test")).toMatchObject({ ok: false, formError: { key: "events.errors.rateLimited" } });
    } finally {
      delete process.env.REGISTRATION_LINK_RATE_LIMIT_PER_IP;
    }
  });

  it("refuses a submission without a proof of work", async () => {
    const event = await createEvent();
    const result = await resendPrivateLinkAction(event.slug, "", { email: "x@x.test", website: "" });
    expect(result).toMatchObject({ ok: false });
    expect(state.scheduled).toHaveLength(0);
  });
});

describe("status e-mails to public registrants", () => {
  it("carry a working private link of their own; links sent before keep working", async () => {
    const event = await createEvent({ status: "CONFIRMED", onlineUrl: "https://meet.example/room" });
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN);
    const one = await registerForPublicEvent(t.prisma, event.slug, publicly("one@x.test"));
    const two = await registerForPublicEvent(t.prisma, event.slug, publicly("two@x.test"));
    const client = await createUser(t.prisma, { role: Role.CLIENT });
    await registerForEvent(t.prisma, event.id, { source: "STAFF", actor: admin, name: client.name, email: client.email, userId: client.id });
    await sendStatusEmails(t.prisma, admin, event.id);
    const mails = await allReceived(
      await t.prisma.emailMessage.findMany({ where: { template: "eventStatus", to: { in: ["one@x.test", "two@x.test", client.email] } } }),
    );
    const of = (to: string) => mails.find((m) => m.to === to)!;
    const oneToken = tokenIn(of("one@x.test").html, event.slug);
    const twoToken = tokenIn(of("two@x.test").html, event.slug);
    expect(oneToken).not.toBe(twoToken);
    expect((await findRegistrationByToken(t.prisma, oneToken))?.id).toBe(one.registrationId);
    expect((await findRegistrationByToken(t.prisma, twoToken))?.id).toBe(two.registrationId);
    // The join link is the private link's (attendance is recorded there).
    expect(of("one@x.test").html).toContain(`/e/${event.slug}/r/${oneToken}/join`);
    expect((await findRegistrationByToken(t.prisma, one.accessToken!))?.id).toBe(one.registrationId);
    // A portal user gets the portal, no private link.
    expect(of(client.email).html).not.toContain(`/e/${event.slug}/r/`);
    expect(of(client.email).html).toContain(`/portal/events/${event.number}/join`);
  });
});

describe("the certificate's request for a CPF to a public registrant", () => {
  it("carries a private link of their own that opens the form to add it, named as the installation names the number", async () => {
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN);
    const template = await t.prisma.certificateTemplate.create({
      data: { name: uniqueTag("T"), title: "Certificate", body: "{participant} {cpf}", signerName: "A", signerRole: "B" },
    });
    const event = await createEvent({ certificateTemplateId: template.id });
    const registered = await registerForPublicEvent(t.prisma, event.slug, publicly("nocpf@x.test"));
    await t.prisma.registration.update({ where: { id: registered.registrationId }, data: { attendedAt: event.startsAt } });
    await setNationalIdSetting(t.prisma, admin, { mode: "other", label: "Passport number" });
    setClock(new Date(event.endsAt.getTime() + 86_400_000));
    try {
      const { cpfRequested } = await issueCertificates(t.prisma, { storage: new MemoryStorage() });
      expect(cpfRequested).toEqual([registered.registrationId]);
    } finally {
      setClock(null);
      await setNationalIdSetting(t.prisma, admin, { mode: "cpf" });
    }
    const [mail] = await allReceived(await t.prisma.emailMessage.findMany({ where: { to: "nocpf@x.test", template: "certificateCpfRequest" } }));
    expect(mail.subject).toContain("Passport number");
    const token = tokenIn(mail.html, event.slug);
    expect(token).not.toBe(registered.accessToken);
    expect(await certificateStateForToken(t.prisma, token)).toEqual({ issued: false, needsCpf: true });
    expect((await findRegistrationByToken(t.prisma, registered.accessToken!))?.id).toBe(registered.registrationId);
  });
});
