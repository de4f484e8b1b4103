// Consent on public forms: admins keep a versioned privacy notice per
// language; while one is in force the event sign-up (form and JSON route) and
// the guest portal refuse a submission that did not accept it, with a
// translated error on that field; an accepted one records the version and the
// moment; the news consent is never ticked in advance and is stored as given.
process.env.AUTH_SECRET ??= "privacy-consent-test-secret-0123456789ab";
process.env.POW_DIFFICULTY = "50";

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";

const state = vi.hoisted(() => ({ db: null as unknown as Db }));
vi.mock("@/lib/db", () => ({ db: new Proxy({}, { get: (_t, p) => Reflect.get(state.db as object, p) }) }));
vi.mock("@/lib/jobs/notify", () => ({ notifyOutbox: async () => {} }));

import { NextRequest } from "next/server";
import { POST as postRegistration } from "@/app/api/events/[slug]/registrations/route";
import { setClock } from "@/lib/clock";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { registerForPublicEvent } from "@/lib/events/registration";
import { publicRegistrationSchema } from "@/lib/events/schemas";
import { buildGuestRequestSchema, emptyGuestRequest } from "@/lib/guests/request-schema";
import { consentFor, currentNotice, noticeHistory, saveNotice } from "@/lib/privacy/notice";
import { createActor, uniqueTag } from "../helpers/factories";
import { enableGuestPortal, guestFields, submit } from "../helpers/guest-fixtures";
import { MemoryStorage } from "../helpers/memory-storage";
import { solveChallenge } from "../helpers/proof-of-work";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let admin: Actor;
let staff: Actor;
let typeId: string;
const day = 86_400_000;

beforeAll(async () => {
  state.db = t.prisma;
  admin = (await createActor(t.prisma, "ADMIN")).actor;
  staff = (await createActor(t.prisma, "STAFF")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
});
afterEach(() => setClock(null));

async function publicEvent(seats = 10, reserveSeats = 5) {
  const slug = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: `Event ${slug}`,
      slug,
      startsAt: new Date(Date.now() + 10 * day),
      endsAt: new Date(Date.now() + 10 * day + 3_600_000),
      timeZone: "UTC",
      typeId,
      seats,
      reserveSeats,
      publicRegistration: true,
    },
  });
}

const person = () => ({ name: `Ana ${uniqueTag()}`, email: `${uniqueTag()}@example.test`, cpf: "" });

async function registerWith(slug: string, locale: string, input: { privacyNoticeId?: string; acceptPrivacyNotice?: boolean; marketingConsent?: boolean }) {
  const consent = await consentFor(t.prisma, locale, input);
  const result = await registerForPublicEvent(t.prisma, slug, { source: "PUBLIC", ...person(), locale, consent });
  return t.prisma.registration.findUniqueOrThrow({ where: { id: result.registrationId } });
}

// Runs first: no notice saved yet.
describe("without a notice in force", () => {
  it("asks for no acceptance and records none, while the news consent is stored as given", async () => {
    const event = await publicEvent();
    expect(await currentNotice(t.prisma, "en")).toBeNull();
    const withNews = await registerWith(event.slug, "en", { marketingConsent: true });
    expect(withNews).toMatchObject({ privacyNoticeId: null, privacyAcceptedAt: null, marketingConsent: true });
    const without = await registerWith(event.slug, "en", {});
    expect(without.marketingConsent).toBe(false);
  });
});

describe("the notice", () => {
  it("is saved by admins only, each save a new version of its language", async () => {
    await expect(saveNotice(t.prisma, staff, { locale: "en", body: "Ours." })).rejects.toBeInstanceOf(ForbiddenError);
    // A first version cannot be empty: there is nothing to withdraw yet.
    await expect(saveNotice(t.prisma, admin, { locale: "fi", body: "  " })).rejects.toBeInstanceOf(ValidationError);
    const v1 = await saveNotice(t.prisma, admin, { locale: "en", body: "We keep your name and e-mail." });
    const v2 = await saveNotice(t.prisma, admin, { locale: "en", body: "We keep your name, e-mail and answers." });
    const pt = await saveNotice(t.prisma, admin, { locale: "pt-BR", body: "Guardamos seu nome." });
    expect([v1.version, v2.version, pt.version]).toEqual([1, 2, 1]);
    expect((await currentNotice(t.prisma, "en"))?.id).toBe(v2.id);
    expect((await currentNotice(t.prisma, "pt-BR"))?.id).toBe(pt.id);
    // No Finnish text: Finnish visitors read the English one.
    expect((await currentNotice(t.prisma, "fi"))?.id).toBe(v2.id);
    // Earlier versions are kept as they were.
    const history = await noticeHistory(t.prisma, admin, "en", { page: 1, pageSize: 10, q: "" });
    expect(history.rows.map((r) => [r.version, r.body])).toEqual([
      [2, "We keep your name, e-mail and answers."],
      [1, "We keep your name and e-mail."],
    ]);
  });

  it("an empty version withdraws a language's notice; its visitors then read the default language's", async () => {
    await saveNotice(t.prisma, admin, { locale: "pt-BR", body: "" });
    expect((await currentNotice(t.prisma, "pt-BR"))?.locale).toBe("en");
    await saveNotice(t.prisma, admin, { locale: "pt-BR", body: "Guardamos seu nome e e-mail." });
    expect((await currentNotice(t.prisma, "pt-BR"))?.version).toBe(3);
  });
});

describe("the event sign-up with a notice in force", () => {
  it("the form's schema requires the acceptance of the notice it showed, with a translated key, and keeps every other value", () => {
    const input = { name: "Ana", email: "ana@example.test", answers: {}, privacyNoticeId: "some-id", acceptPrivacyNotice: false };
    const parsed = publicRegistrationSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["acceptPrivacyNotice"], message: "privacy.consent.required" })]);
    expect(publicRegistrationSchema.safeParse({ ...input, acceptPrivacyNotice: true }).success).toBe(true);
  });

  it("the news consent is never ticked in advance: absent means no", () => {
    expect(publicRegistrationSchema.parse({ name: "Ana", email: "ana@example.test", answers: {} }).marketingConsent).toBe(false);
    expect(emptyGuestRequest(guestFields()).marketingConsent).toBe(false);
    expect(emptyGuestRequest(guestFields()).acceptPrivacyNotice).toBe(false);
  });

  it("the server refuses a submission without the acceptance, whatever the form sent", async () => {
    const error = await consentFor(t.prisma, "en", { acceptPrivacyNotice: false, marketingConsent: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({ acceptPrivacyNotice: "privacy.consent.required" });
  });

  it("records the version in force for the person's language and when they accepted, on both paths of registering", async () => {
    const at = new Date("2026-11-02T10:00:00.000Z");
    setClock(at);
    const en = await currentNotice(t.prisma, "en");
    const pt = await currentNotice(t.prisma, "pt-BR");
    // Free seats: the one-statement path.
    const event = await publicEvent(1, 5);
    const first = await registerWith(event.slug, "pt-BR", { acceptPrivacyNotice: true, privacyNoticeId: pt!.id, marketingConsent: true });
    expect(first).toMatchObject({ status: "REGISTERED", privacyNoticeId: pt!.id, privacyAcceptedAt: at, marketingConsent: true });
    // Seats taken: the reserve list goes through the locked transaction.
    const second = await registerWith(event.slug, "en", { acceptPrivacyNotice: true });
    expect(second).toMatchObject({ status: "RESERVE", privacyNoticeId: en!.id, privacyAcceptedAt: at, marketingConsent: false });
  });

  it("a version that is no longer in force is not recorded: the one in force is", async () => {
    const event = await publicEvent();
    const en = await currentNotice(t.prisma, "en");
    const oldest = (await noticeHistory(t.prisma, admin, "en", { page: 1, pageSize: 10, q: "" })).rows.at(-1)!;
    expect(oldest.id).not.toBe(en!.id);
    const row = await registerWith(event.slug, "en", { acceptPrivacyNotice: true, privacyNoticeId: oldest.id });
    expect(row.privacyNoticeId).toBe(en!.id);
  });

  it("a new version applies to sign-ups from then on; earlier ones keep the version they accepted", async () => {
    const event = await publicEvent();
    const before = await registerWith(event.slug, "en", { acceptPrivacyNotice: true });
    const v = await saveNotice(t.prisma, admin, { locale: "en", body: "Version with a new purpose." });
    const after = await registerWith(event.slug, "en", { acceptPrivacyNotice: true });
    expect(after.privacyNoticeId).toBe(v.id);
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: before.id } })).privacyNoticeId).not.toBe(v.id);
  });
});

describe("the JSON sign-up route", () => {
  const post = async (slug: string, body: Record<string, unknown>) =>
    postRegistration(
      new NextRequest(`http://localhost/api/events/${slug}/registrations`, {
        method: "POST",
        body: JSON.stringify({ ...body, altcha: await solveChallenge(t.prisma, "public-registration") }),
        headers: { "content-type": "application/json", "accept-language": "en", "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200) + 1}` },
      }),
      { params: Promise.resolve({ slug }) },
    );

  it("refuses a body without the acceptance with 422 and the field's key, and records an accepted one", async () => {
    const event = await publicEvent();
    const refused = await post(event.slug, person());
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ fields: { acceptPrivacyNotice: "privacy.consent.required" } });
    expect(await t.prisma.registration.count({ where: { eventId: event.id } })).toBe(0);

    const who = person();
    const accepted = await post(event.slug, { ...who, acceptPrivacyNotice: true, marketingConsent: true });
    expect(accepted.status).toBe(201);
    const row = await t.prisma.registration.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row).toMatchObject({ email: who.email, privacyNoticeId: (await currentNotice(t.prisma, "en"))!.id, marketingConsent: true });
    expect(row.privacyAcceptedAt).toBeInstanceOf(Date);
  });
});

describe("the guest portal with a notice in force", () => {
  const storage = new MemoryStorage();

  it("the form's schema asks for the acceptance only when a notice is shown", () => {
    const withNotice = buildGuestRequestSchema(guestFields(), { maxFileBytes: 1000, privacyNoticeId: "n1" });
    const without = buildGuestRequestSchema(guestFields(), { maxFileBytes: 1000 });
    const input = { ...emptyGuestRequest(guestFields()), title: "Broken window", description: "Glass." };
    expect(withNotice.safeParse(input).error?.issues).toEqual([
      expect.objectContaining({ path: ["acceptPrivacyNotice"], message: "privacy.consent.required" }),
    ]);
    expect(withNotice.safeParse({ ...input, acceptPrivacyNotice: true }).success).toBe(true);
    expect(without.safeParse(input).success).toBe(true);
  });

  it("refuses a request without the acceptance and records an accepted one with its version and moment", async () => {
    const portalToken = await enableGuestPortal(t.prisma);
    const valid = { title: "Broken window", description: "Room 12." };
    const refused = await submit(t.prisma, storage, valid, { portalToken });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ fields: { acceptPrivacyNotice: "privacy.consent.required" } });

    // The form token is timed against the real clock, so the moment is checked between two readings of it.
    const before = new Date();
    const notice = await currentNotice(t.prisma, "fi");
    const accepted = await submit(t.prisma, storage, { ...valid, privacyNoticeId: notice!.id, acceptPrivacyNotice: "yes" }, { portalToken, locale: "fi" });
    expect(accepted.status).toBe(201);
    const row = await t.prisma.guestRequest.findUniqueOrThrow({ where: { number: (accepted.body as { number: number }).number } });
    expect(row).toMatchObject({ privacyNoticeId: notice!.id, marketingConsent: false });
    expect(row.privacyAcceptedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(row.privacyAcceptedAt!.getTime()).toBeLessThanOrEqual(Date.now());

    const withNews = await submit(t.prisma, storage, { ...valid, acceptPrivacyNotice: "yes", marketingConsent: "yes" }, { portalToken });
    const newsRow = await t.prisma.guestRequest.findUniqueOrThrow({ where: { number: (withNews.body as { number: number }).number } });
    expect(newsRow.marketingConsent).toBe(true);
  });
});
