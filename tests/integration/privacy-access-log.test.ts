// The privacy officer permission and the access log of sensitive fields: only
// staff an admin marked hold the permission (never a client); every page view
// or download of participants' national ids writes one log row with who, what
// and how many, never the ids themselves; the log is for privacy officers,
// newest first, paginated and filtered.
process.env.AUTH_SECRET ??= "privacy-access-log-test-secret-0123456789";

import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { isPrivacyOfficer, loadActor, type Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ForbiddenError } from "@/lib/errors";
import { getCustomer, listCustomers, parseCustomerListQuery } from "@/lib/customers/list-customers";
import { exportParticipantNationalIds, listParticipantNationalIds } from "@/lib/events/participant-national-ids";
import { listSensitiveAccess, parseAccessLogQuery, recordSensitiveAccess } from "@/lib/privacy/access-log";
import { updateUser } from "@/lib/users/save-user";
import { createActor, createCustomer, createUser, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let admin: Actor;
let officer: Actor;
let staff: Actor;
let eventId: string;
const CPFS = ["52998224725", "11144477735"];

beforeAll(async () => {
  admin = (await createActor(t.prisma, "ADMIN")).actor;
  officer = (await createActor(t.prisma, "STAFF", { privacyOfficer: true })).actor;
  staff = (await createActor(t.prisma, "STAFF")).actor;
  const typeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
  const slug = uniqueTag("ev");
  const at = new Date(Date.now() + 86_400_000);
  eventId = (
    await t.prisma.event.create({
      data: { name: "Workshop", slug, startsAt: at, endsAt: new Date(at.getTime() + 3_600_000), timeZone: "UTC", typeId, seats: 10 },
    })
  ).id;
  for (const [i, cpf] of [...CPFS, null].entries()) {
    await t.prisma.registration.create({
      data: { eventId, name: `P${i} ${uniqueTag()}`, email: `${uniqueTag()}@example.test`, cpf, status: "REGISTERED", source: "STAFF" },
    });
  }
});
afterEach(() => setClock(null));

describe("the privacy officer permission", () => {
  it("is held by staff an admin marked, and by no client even when the flag is set", async () => {
    expect(isPrivacyOfficer(officer)).toBe(true);
    expect(isPrivacyOfficer(staff)).toBe(false);
    expect(isPrivacyOfficer(admin)).toBe(false);
    const client = await createActor(t.prisma, "CLIENT", { privacyOfficer: true });
    expect(isPrivacyOfficer(client.actor)).toBe(false);
  });

  it("is granted and withdrawn by an admin on the user form; a client cannot keep it", async () => {
    const { user } = await createActor(t.prisma, "STAFF");
    const form = {
      name: user.name,
      email: user.email,
      role: "STAFF" as const,
      profileId: "",
      locale: "en" as const,
      timeZone: "UTC",
      active: true,
      password: "",
    };
    await updateUser(t.prisma, admin, user.id, { ...form, privacyOfficer: true });
    expect(isPrivacyOfficer((await loadActor(t.prisma, user.id))!)).toBe(true);
    // A form without the field keeps it.
    await updateUser(t.prisma, admin, user.id, { ...form, name: "Renamed" });
    expect(isPrivacyOfficer((await loadActor(t.prisma, user.id))!)).toBe(true);
    await updateUser(t.prisma, admin, user.id, { ...form, privacyOfficer: false });
    expect(isPrivacyOfficer((await loadActor(t.prisma, user.id))!)).toBe(false);
    await expect(updateUser(t.prisma, staff, user.id, { ...form, privacyOfficer: true })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("viewing and downloading national ids", () => {
  it("a page view writes one row with who, the event and how many ids it showed, never the ids", async () => {
    const before = await t.prisma.sensitiveAccess.count();
    const { page } = await listParticipantNationalIds(t.prisma, staff, eventId, { page: 1, pageSize: 50, q: "" });
    expect(page.rows.map((r) => r.nationalId).filter(Boolean)).toEqual(["529.982.247-25", "111.444.777-35"]);
    const rows = await t.prisma.sensitiveAccess.findMany({ where: { createdAt: { gte: new Date(0) } }, orderBy: { createdAt: "desc" } });
    expect(rows.length - before).toBe(1);
    expect(rows[0]).toMatchObject({ kind: "CPF_VIEW", actorId: staff.userId, actorName: staff.name, entityType: "Event", entityId: eventId, count: 2 });
    const stored = JSON.stringify(rows[0]);
    for (const cpf of CPFS) {
      expect(stored).not.toContain(cpf);
    }
  });

  it("a page showing no ids writes nothing", async () => {
    const before = await t.prisma.sensitiveAccess.count();
    await listParticipantNationalIds(t.prisma, staff, eventId, { page: 2, pageSize: 50, q: "" });
    expect(await t.prisma.sensitiveAccess.count()).toBe(before);
  });

  it("a download writes one export row", async () => {
    const { rows } = await exportParticipantNationalIds(t.prisma, admin, eventId);
    expect(rows).toHaveLength(3);
    const last = await t.prisma.sensitiveAccess.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ kind: "CPF_EXPORT", actorId: admin.userId, entityId: eventId, count: 2 });
  });

  it("clients can neither see the ids nor write to the log", async () => {
    const client = (await createActor(t.prisma, "CLIENT")).actor;
    await expect(listParticipantNationalIds(t.prisma, client, eventId, { page: 1, pageSize: 50, q: "" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordSensitiveAccess(t.prisma, client, { kind: "CPF_VIEW", entityType: "Event", entityId: eventId })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("customer records", () => {
  it("a person's record and a customer list showing national ids are logged with how many; a company's number is not", async () => {
    const tag = uniqueTag();
    const person = await createUser(t.prisma, { role: "CLIENT", cpf: "86288366757" });
    const personRecord = await createCustomer(t.prisma, { kind: "PERSON", name: `Ana ${tag}`, userId: person.id });
    const company = await createCustomer(t.prisma, { kind: "COMPANY", name: `Acme ${tag}`, document: "11.222.333/0001-81" });

    const latest = () => t.prisma.sensitiveAccess.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const before = await t.prisma.sensitiveAccess.count();
    const list = await listCustomers(t.prisma, staff, parseCustomerListQuery({ q: tag }));
    expect(list.rows.map((r) => r.document).sort()).toEqual(["11.222.333/0001-81", "862.883.667-57"]);
    expect(await t.prisma.sensitiveAccess.count()).toBe(before + 1);
    const listed = await latest();
    expect(listed).toMatchObject({ kind: "CPF_VIEW", actorId: staff.userId, entityType: "Customers", count: 1 });
    expect(JSON.stringify(listed)).not.toMatch(/86288366757|862\.883\.667-57/);

    expect((await getCustomer(t.prisma, staff, personRecord.id)).document).toBe("862.883.667-57");
    expect(await latest()).toMatchObject({ kind: "CPF_VIEW", entityType: "Customer", entityId: personRecord.id, count: 1 });

    const count = await t.prisma.sensitiveAccess.count();
    await getCustomer(t.prisma, staff, company.id);
    await listCustomers(t.prisma, staff, parseCustomerListQuery({ q: `Acme ${tag}` }));
    expect(await t.prisma.sensitiveAccess.count()).toBe(count);
  });
});

describe("the log", () => {
  it("is for privacy officers only: not for staff or admins without the permission", async () => {
    const query = parseAccessLogQuery({});
    for (const actor of [staff, admin]) await expect(listSensitiveAccess(t.prisma, actor, query)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listSensitiveAccess(t.prisma, officer, query)).total).toBeGreaterThan(0);
  });

  it("is newest first, paginated, and filtered by kind, staff member and days", async () => {
    await t.prisma.sensitiveAccess.deleteMany();
    setClock(new Date("2026-10-01T10:00:00.000Z"));
    await recordSensitiveAccess(t.prisma, staff, { kind: "CPF_VIEW", entityType: "Event", entityId: eventId, label: "#1 · Workshop", count: 3 });
    setClock(new Date("2026-10-05T10:00:00.000Z"));
    await recordSensitiveAccess(t.prisma, admin, { kind: "CPF_EXPORT", entityType: "Event", entityId: eventId, label: "#1 · Workshop", count: 3 });
    setClock(new Date("2026-10-09T10:00:00.000Z"));
    await recordSensitiveAccess(t.prisma, officer, { kind: "PERSON_EXPORT", entityType: "PersonExport", entityId: "e1" });

    const all = await listSensitiveAccess(t.prisma, officer, parseAccessLogQuery({}));
    expect(all.rows.map((r) => r.kind)).toEqual(["PERSON_EXPORT", "CPF_EXPORT", "CPF_VIEW"]);
    expect((await listSensitiveAccess(t.prisma, officer, parseAccessLogQuery({ kind: "CPF_EXPORT" }))).rows.map((r) => r.actorId)).toEqual([admin.userId]);
    expect((await listSensitiveAccess(t.prisma, officer, parseAccessLogQuery({ actor: staff.userId }))).rows.map((r) => r.kind)).toEqual(["CPF_VIEW"]);
    const days = await listSensitiveAccess(t.prisma, officer, parseAccessLogQuery({ from: "2026-10-02", to: "2026-10-05" }));
    expect(days.rows.map((r) => r.kind)).toEqual(["CPF_EXPORT"]);
    expect((await listSensitiveAccess(t.prisma, officer, parseAccessLogQuery({ q: staff.name }))).total).toBe(1);
    // An unknown kind or a malformed day is ignored rather than refused.
    expect((await listSensitiveAccess(t.prisma, officer, parseAccessLogQuery({ kind: "EVERYTHING", from: "yesterday" }))).total).toBe(3);

    for (let i = 0; i < 25; i++) await recordSensitiveAccess(t.prisma, staff, { kind: "CPF_VIEW", entityType: "Event", entityId: eventId });
    const second = await listSensitiveAccess(t.prisma, officer, parseAccessLogQuery({ page: "2" }));
    expect(second).toMatchObject({ total: 28, page: 2, pageCount: 2 });
    expect(second.rows).toHaveLength(8);
  });
});
