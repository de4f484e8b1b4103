// One national id per person, and the installation's national id setting.
// A portal user's number lives on the user only: the profile, their own
// customer record, their registrations and their certificates all read it
// there. The setting (CPF by default; none; another with its own label)
// decides what every form accepts and what certificates print.
import { inflateSync } from "node:zlib";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ownNationalId, setOwnCpf } from "@/lib/account/cpf";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { getCustomer, listCustomers, parseCustomerListQuery } from "@/lib/customers/list-customers";
import { createCustomer, updateCustomer } from "@/lib/customers/save-customer";
import { ForbiddenError } from "@/lib/errors";
import { certificateStateForToken } from "@/lib/events/certificates/access";
import { setCpfByToken } from "@/lib/events/certificates/cpf-by-token";
import { issueCertificates } from "@/lib/events/certificates/issue";
import { registerForEvent, registerForPublicEvent } from "@/lib/events/registration";
import { Role } from "@/lib/generated/prisma/enums";
import { getNationalIdSetting, setNationalIdSetting } from "@/lib/settings/national-id";
import { nationalIdFormSchema } from "@/lib/settings/national-id-schema";
import { actorFor, createActor, createUser, uniqueTag } from "../helpers/factories";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let admin: Actor;
let staff: Actor;
let typeId: string;
let templateId: string;
const storage = new MemoryStorage();
const start = new Date("2026-05-04T12:00:00Z");
const end = new Date("2026-05-04T20:00:00Z");
const DAY = 86_400_000;

beforeAll(async () => {
  admin = (await createActor(t.prisma, Role.ADMIN)).actor;
  staff = (await createActor(t.prisma, Role.STAFF)).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Course", isPublic: true } })).id;
  templateId = (
    await t.prisma.certificateTemplate.create({
      data: { name: "Default", title: "Certificate", body: "{participant}, id {cpf}, attended {event}.", signerName: "Maria Lima", signerRole: "Director" },
    })
  ).id;
});
// Registrations happen before the event (an ended event takes none); issueFor moves past its end.
beforeEach(() => setClock(new Date(start.getTime() - DAY)));
afterEach(async () => {
  setClock(null);
  await setNationalIdSetting(t.prisma, admin, { mode: "cpf" });
  await t.prisma.rateLimitBucket.deleteMany();
});

async function client() {
  const user = await createUser(t.prisma, { role: Role.CLIENT });
  return { user, actor: await actorFor(t.prisma, user) };
}
const cpfOf = async (userId: string) => (await t.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { cpf: true } })).cpf;

async function event(overrides: Record<string, unknown> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: `Course ${tag}`,
      slug: tag,
      startsAt: start,
      endsAt: end,
      timeZone: "UTC",
      typeId,
      seats: 10,
      publicRegistration: true,
      visibleInPortal: true,
      certificateTemplateId: templateId,
      ...overrides,
    },
  });
}

/** The text drawn in a certificate PDF (Flate streams inflated, hex strings decoded). */
function pdfText(pdf: Uint8Array): string {
  const buffer = Buffer.from(pdf);
  const raw = buffer.toString("latin1");
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const from = m.index! + m[0].length;
    try {
      const content = inflateSync(buffer.subarray(from, raw.indexOf("endstream", from))).toString("latin1");
      for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) out.push(Buffer.from(hex[1], "hex").toString("latin1"));
    } catch {
      // not a Flate stream
    }
  }
  return out.join("");
}
async function certificateText(registrationId: string): Promise<string | null> {
  const certificate = await t.prisma.certificate.findUnique({ where: { registrationId } });
  return certificate ? pdfText(storage.objects.get(certificate.storageKey)!.body) : null;
}
/** Ends the event with the registration attended and runs the daily job. */
async function issueFor(registrationId: string) {
  await t.prisma.registration.update({ where: { id: registrationId }, data: { attendedAt: start } });
  setClock(new Date(end.getTime() + DAY));
  return issueCertificates(t.prisma, { storage });
}

describe("one CPF per person", () => {
  it("a person's own customer record shows and searches the user's CPF, and keeps none of its own", async () => {
    const { user, actor } = await client();
    await setOwnCpf(t.prisma, actor, { cpf: "529.982.247-25" });
    const name = uniqueTag("Pedro ");
    const { id } = await createCustomer(t.prisma, staff, { kind: "PERSON", name, document: "", email: "", phone: "", userEmail: user.email, active: true });
    expect(await getCustomer(t.prisma, staff, id)).toMatchObject({ document: "529.982.247-25", documentFromUser: true });
    const found = await listCustomers(t.prisma, staff, parseCustomerListQuery({ q: "52998224725" }));
    expect(found.rows.map((r) => [r.id, r.document])).toEqual([[id, "529.982.247-25"]]);
    // The profile changes it; the record follows, having no copy to go stale.
    await setOwnCpf(t.prisma, actor, { cpf: "390.533.447-05" });
    expect((await getCustomer(t.prisma, staff, id)).document).toBe("390.533.447-05");
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id } })).document).toBeNull();
    expect((await ownNationalId(t.prisma, actor)).value).toBe("39053344705");
  });

  it("staff typing a CPF on the record give it to a user who has none; a different one is refused", async () => {
    const { user, actor } = await client();
    const input = {
      kind: "STUDENT" as const,
      name: uniqueTag("Sofia "),
      document: "111.444.777-35",
      email: "",
      phone: "",
      userEmail: user.email,
      active: true,
    };
    const { id } = await createCustomer(t.prisma, staff, input);
    expect(await cpfOf(user.id)).toBe("11144477735");
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id } })).document).toBeNull();
    expect((await ownNationalId(t.prisma, actor)).missing).toBe(false);
    // Saving the record again with the same number is no change.
    await updateCustomer(t.prisma, staff, id, { ...input, document: "11144477735" });
    await expect(updateCustomer(t.prisma, staff, id, { ...input, document: "862.883.667-57" })).rejects.toMatchObject({
      fields: { document: "account.nationalIdOnProfile" },
    });
    expect(await cpfOf(user.id)).toBe("11144477735");
    await expect(updateCustomer(t.prisma, staff, id, { ...input, document: "123" })).rejects.toMatchObject({ fields: { document: "account.cpfInvalid" } });
  });

  it("a company's document is its own", async () => {
    const { user } = await client();
    const { id } = await createCustomer(t.prisma, staff, {
      kind: "COMPANY",
      name: uniqueTag("Acme "),
      document: "11.222.333/0001-81",
      email: "",
      phone: "",
      userEmail: user.email,
      active: true,
    });
    expect(await getCustomer(t.prisma, staff, id)).toMatchObject({ document: "11.222.333/0001-81", documentFromUser: false });
    expect(await cpfOf(user.id)).toBeNull();
  });

  it("a client's registrations keep no CPF: the certificate prints the one on the profile", async () => {
    const { actor } = await client();
    const e = await event();
    const { registrationId } = await registerForEvent(t.prisma, e.id, { source: "PORTAL", actor });
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } })).cpf).toBeNull();
    await setOwnCpf(t.prisma, actor, { cpf: "714.602.380-01" });
    await issueFor(registrationId);
    expect(await certificateText(registrationId)).toContain("714.602.380-01");
  });

  it("staff adding a client give the typed CPF to the client (if they have none), not to the registration", async () => {
    const { user } = await client();
    const e = await event();
    const { registrationId } = await registerForEvent(t.prisma, e.id, {
      source: "STAFF",
      actor: staff,
      name: user.name,
      email: user.email,
      userId: user.id,
      cpf: "253.593.770-03",
    });
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } })).cpf).toBeNull();
    expect(await cpfOf(user.id)).toBe("25359377003");
    const other = await event();
    await expect(
      registerForEvent(t.prisma, other.id, { source: "STAFF", actor: staff, name: user.name, email: user.email, userId: user.id, cpf: "529.982.247-25" }),
    ).rejects.toMatchObject({
      fields: { cpf: "events.errors.cpfOnProfile" },
    });
  });
});

describe("the national id setting", () => {
  it("is the CPF until an admin chooses; only admins choose; 'other' needs a label", async () => {
    await t.prisma.setting.deleteMany({ where: { key: "identity.nationalId" } });
    expect(await getNationalIdSetting(t.prisma)).toEqual({ mode: "cpf" });
    await expect(setNationalIdSetting(t.prisma, staff, { mode: "none" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(nationalIdFormSchema.safeParse({ mode: "other", label: " " }).success).toBe(false);
    expect(nationalIdFormSchema.safeParse({ mode: "other", label: "Passport" }).success).toBe(true);
    expect(nationalIdFormSchema.safeParse({ mode: "none", label: "" }).success).toBe(true);
  });

  it("'none': nobody is asked, a CPF sent anyway is refused, and certificates are issued without one", async () => {
    await setNationalIdSetting(t.prisma, admin, { mode: "none" });
    const { actor } = await client();
    expect(await ownNationalId(t.prisma, actor)).toMatchObject({ missing: false, value: null });
    await expect(setOwnCpf(t.prisma, actor, { cpf: "529.982.247-25" })).rejects.toMatchObject({ fields: { cpf: "account.nationalIdNotAsked" } });
    expect(await cpfOf(actor.userId)).toBeNull();

    const e = await event();
    await expect(
      registerForPublicEvent(t.prisma, e.slug, { source: "PUBLIC", name: "Aino", email: "aino@x.test", locale: "fi", cpf: "529.982.247-25" }),
    ).rejects.toMatchObject({
      fields: { cpf: "account.nationalIdNotAsked" },
    });
    const registered = await registerForPublicEvent(t.prisma, e.slug, { source: "PUBLIC", name: "Aino", email: "aino@x.test", locale: "fi" });
    expect(await certificateStateForToken(t.prisma, registered.accessToken!)).toEqual({ issued: false, needsCpf: false });
    await expect(setCpfByToken(t.prisma, storage, registered.accessToken!, { cpf: "529.982.247-25" })).rejects.toMatchObject({
      fields: { cpf: "account.nationalIdNotAsked" },
    });
    const result = await issueFor(registered.registrationId);
    expect(result.cpfRequested).toEqual([]);
    const text = await certificateText(registered.registrationId);
    expect(text).toContain("Aino, id , attended");
    expect(await t.prisma.emailMessage.count({ where: { to: "aino@x.test", template: "certificateCpfRequest" } })).toBe(0);
  });

  it("'none' also prints no number stored before the change", async () => {
    const e = await event();
    const registered = await registerForPublicEvent(t.prisma, e.slug, {
      source: "PUBLIC",
      name: "Bea",
      email: "bea@x.test",
      locale: "en",
      cpf: "529.982.247-25",
    });
    await setNationalIdSetting(t.prisma, admin, { mode: "none" });
    await issueFor(registered.registrationId);
    expect(await certificateText(registered.registrationId)).not.toContain("529.982.247-25");
  });

  it("'other': any format under the chosen label, stored and printed as typed", async () => {
    await setNationalIdSetting(t.prisma, admin, { mode: "other", label: "Henkilötunnus" });
    const { actor } = await client();
    expect(await ownNationalId(t.prisma, actor)).toMatchObject({ setting: { mode: "other", label: "Henkilötunnus" }, missing: true });
    await setOwnCpf(t.prisma, actor, { cpf: " 131052-308T " });
    expect(await cpfOf(actor.userId)).toBe("131052-308T");
    await expect(setOwnCpf(t.prisma, actor, { cpf: "x".repeat(41) })).rejects.toMatchObject({ fields: { cpf: "account.nationalIdInvalid" } });

    const e = await event();
    const registered = await registerForPublicEvent(t.prisma, e.slug, {
      source: "PUBLIC",
      name: "Ville",
      email: "ville@x.test",
      locale: "fi",
      cpf: "010203-123A",
    });
    await issueFor(registered.registrationId);
    expect(await certificateText(registered.registrationId)).toContain("Ville, id 010203-123A, attended");
  });

  it("'cpf' keeps checking the digits everywhere", async () => {
    const e = await event();
    await expect(
      registerForPublicEvent(t.prisma, e.slug, { source: "PUBLIC", name: "Ana", email: "ana@x.test", locale: "pt-BR", cpf: "529.982.247-26" }),
    ).rejects.toMatchObject({
      fields: { cpf: "events.errors.invalidCpf" },
    });
    const { actor } = await client();
    await expect(setOwnCpf(t.prisma, actor, { cpf: "131052-308T" })).rejects.toMatchObject({ fields: { cpf: "account.cpfInvalid" } });
  });
});
