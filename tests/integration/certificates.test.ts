// Automatic certificates, issued by the daily job, and their verification:
// only with attendance, only after the end and within 15 days, never for a
// cancelled event, never twice (also concurrently); no CPF → one request, then
// the certificate once the CPF is added inside the window; a real PDF; the
// public verification never shows the CPF; downloads only for their owner.
import { inflateSync } from "node:zlib";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setOwnCpf } from "@/lib/account/cpf";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { certificateStateForToken, openCertificate, openCertificateByToken, verifyCertificate } from "@/lib/events/certificates/access";
import { setCpfByToken } from "@/lib/events/certificates/cpf-by-token";
import { CERTIFICATE_WINDOW_DAYS, issueCertificates } from "@/lib/events/certificates/issue";
import { issueEventCertificatesNow } from "@/lib/events/certificates/issue-now";
import { hashAccessToken, newAccessToken } from "@/lib/events/seat-lock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createActor, uniqueTag } from "../helpers/factories";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";
import { allReceived } from "@/tests/helpers/mail";

const t = withTestDatabase();
let staff: Actor;
let typeId: string;
let templateId: string;
const storage = new MemoryStorage();
const start = new Date("2026-05-04T12:00:00Z");
const end = new Date("2026-05-04T20:00:00Z");
const DAY = 86_400_000;
const CPF = "52998224725";
const run = () => issueCertificates(t.prisma, { storage });

async function eventWith(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: `Course ${tag}`,
      slug: tag,
      startsAt: start,
      endsAt: end,
      timeZone: "America/Sao_Paulo",
      typeId,
      seats: 10,
      workloadHours: 8,
      certificateTemplateId: templateId,
      ...overrides,
    },
  });
}
async function registration(eventId: string, data: Partial<Prisma.RegistrationUncheckedCreateInput> = {}) {
  return t.prisma.registration.create({
    data: {
      eventId,
      name: "Ana Souza",
      email: `${uniqueTag()}@x.test`,
      status: "REGISTERED",
      source: "PUBLIC",
      cpf: CPF,
      attendedAt: start,
      locale: "pt-BR",
      ...data,
    },
  });
}
const certificateOf = (registrationId: string) => t.prisma.certificate.findUnique({ where: { registrationId } });
const emailsTo = (to: string) => t.prisma.emailMessage.findMany({ where: { to }, include: { attachments: true } }).then(allReceived);

beforeAll(async () => {
  staff = (await createActor(t.prisma, "STAFF")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Course" } })).id;
  templateId = (
    await t.prisma.certificateTemplate.create({
      data: {
        name: "Default",
        title: "Certificate",
        body: "We certify that {participant}, CPF {cpf}, attended {event} from {start} to {end}, {hours} hours. Code {code}.",
        signerName: "Maria Lima",
        signerRole: "Director",
      },
    })
  ).id;
});
afterEach(() => setClock(null));

describe("who gets a certificate", () => {
  it("is issued after the end to a registered participant with attendance, with the PDF e-mailed", async () => {
    const event = await eventWith();
    const r = await registration(event.id);
    setClock(new Date(end.getTime() + DAY));
    const result = await run();
    const certificate = await certificateOf(r.id);
    expect(certificate).not.toBeNull();
    expect(result.issued).toContain(certificate!.id);
    expect(certificate!.code).toMatch(/^[A-Z2-9]{10}$/);
    const [email] = await emailsTo(r.email);
    expect(email.template).toBe("certificateIssued");
    expect(email.text).toContain(certificate!.code);
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0].contentType).toBe("application/pdf");
    const stored = storage.objects.get(certificate!.storageKey)!;
    expect(Buffer.from(email.attachments[0].content).equals(Buffer.from(stored.body))).toBe(true);
  });

  it("needs recorded attendance", async () => {
    const event = await eventWith();
    const r = await registration(event.id, { attendedAt: null });
    setClock(new Date(end.getTime() + DAY));
    await run();
    expect(await certificateOf(r.id)).toBeNull();
    expect(await emailsTo(r.email)).toHaveLength(0);
  });

  it("waits for the end of the event", async () => {
    const event = await eventWith();
    const r = await registration(event.id);
    setClock(new Date(end.getTime() - 60_000));
    await run();
    expect(await certificateOf(r.id)).toBeNull();
    setClock(end);
    await run();
    expect(await certificateOf(r.id)).not.toBeNull();
  });

  it("stops 15 days after the end", async () => {
    const event = await eventWith();
    const r = await registration(event.id);
    setClock(new Date(end.getTime() + CERTIFICATE_WINDOW_DAYS * DAY + 60_000));
    await run();
    expect(await certificateOf(r.id)).toBeNull();
    setClock(new Date(end.getTime() + CERTIFICATE_WINDOW_DAYS * DAY));
    await run();
    expect(await certificateOf(r.id)).not.toBeNull();
  });

  it("is never issued for a cancelled event, an event without template, or a cancelled registration", async () => {
    const cancelled = await eventWith({ status: "CANCELLED" });
    const noTemplate = await eventWith({ certificateTemplateId: null });
    const open = await eventWith();
    const rs = [await registration(cancelled.id), await registration(noTemplate.id), await registration(open.id, { status: "CANCELLED", cancelledAt: start })];
    setClock(new Date(end.getTime() + DAY));
    await run();
    for (const r of rs) expect(await certificateOf(r.id)).toBeNull();
  });

  it("is issued once when the job runs twice", async () => {
    const event = await eventWith();
    const r = await registration(event.id);
    setClock(new Date(end.getTime() + DAY));
    await run();
    const second = await run();
    expect(second.issued).toHaveLength(0);
    expect(await t.prisma.certificate.count({ where: { registrationId: r.id } })).toBe(1);
    expect(await emailsTo(r.email)).toHaveLength(1);
  });

  it("is issued once when two runs race (no orphan file either)", async () => {
    const event = await eventWith();
    const rs = await Promise.all(Array.from({ length: 4 }, () => registration(event.id)));
    setClock(new Date(end.getTime() + DAY));
    const before = storage.objects.size;
    const [a, b] = await Promise.all([run(), run()]);
    const mine = (ids: string[]) => ids.filter(Boolean);
    expect(mine([...a.issued, ...b.issued]).length).toBeGreaterThanOrEqual(4);
    for (const r of rs) {
      expect(await t.prisma.certificate.count({ where: { registrationId: r.id } })).toBe(1);
      expect(await emailsTo(r.email)).toHaveLength(1);
    }
    // Files of the losing run were deleted: one file per certificate issued by the runs.
    expect(storage.objects.size - before).toBe(a.issued.length + b.issued.length);
  });
});

describe("participants without a CPF", () => {
  it("a portal user is asked once, and gets the certificate when the CPF is added inside the window", async () => {
    const { user, actor } = await createActor(t.prisma, "CLIENT");
    const event = await eventWith();
    const r = await registration(event.id, { cpf: null, userId: user.id, source: "PORTAL", email: user.email });
    setClock(new Date(end.getTime() + DAY));
    const first = await run();
    await run();
    expect(first.cpfRequested).toEqual([r.id]);
    const emails = await emailsTo(user.email);
    expect(emails.map((e) => e.template)).toEqual(["certificateCpfRequest"]);
    expect(emails[0].text).toContain("/portal/profile");
    expect(await certificateOf(r.id)).toBeNull();
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: r.id } })).cpfRequestedAt).not.toBeNull();

    setClock(new Date(end.getTime() + 10 * DAY));
    await setOwnCpf(t.prisma, actor, { cpf: "111.444.777-35" });
    const after = await issueCertificates(t.prisma, { storage, userId: user.id });
    expect(after.issued).toHaveLength(1);
    expect(await certificateOf(r.id)).not.toBeNull();
  });

  it("adding the CPF after the window issues nothing", async () => {
    const { user, actor } = await createActor(t.prisma, "CLIENT");
    const event = await eventWith();
    const r = await registration(event.id, { cpf: null, userId: user.id, source: "PORTAL", email: user.email });
    setClock(new Date(end.getTime() + DAY));
    await run();
    setClock(new Date(end.getTime() + (CERTIFICATE_WINDOW_DAYS + 1) * DAY));
    await setOwnCpf(t.prisma, actor, { cpf: "390.533.447-05" });
    expect((await issueCertificates(t.prisma, { storage, userId: user.id })).issued).toHaveLength(0);
    expect(await certificateOf(r.id)).toBeNull();
  });

  it("a public registrant is pointed to the event page and the private link", async () => {
    const event = await eventWith({ publicRegistration: true });
    const r = await registration(event.id, { cpf: null });
    setClock(new Date(end.getTime() + DAY));
    await run();
    const [email] = await emailsTo(r.email);
    expect(email.template).toBe("certificateCpfRequest");
    expect(email.text).toContain(`/e/${event.slug}`);
  });
  it("a public registrant adds the CPF through the private link and gets the certificate", async () => {
    const event = await eventWith({ publicRegistration: true });
    const token = newAccessToken();
    const r = await registration(event.id, { cpf: null, accessTokenHash: token.hash });
    setClock(new Date(end.getTime() + DAY));
    await run();
    expect(await certificateStateForToken(t.prisma, token.token)).toEqual({ issued: false, needsCpf: true });
    await expect(setCpfByToken(t.prisma, storage, newAccessToken().token, { cpf: CPF })).rejects.toBeInstanceOf(NotFoundError);
    const { emailIds } = await setCpfByToken(t.prisma, storage, token.token, { cpf: "529.982.247-25" });
    expect(emailIds).toHaveLength(1);
    expect(await certificateOf(r.id)).not.toBeNull();
    expect(await certificateStateForToken(t.prisma, token.token)).toEqual({ issued: true, needsCpf: false });
  });
});

describe("the certificate itself", () => {
  /** The text drawn in the PDF: Flate streams inflated, TJ/Tj hex strings decoded. */
  function pdfText(pdf: Buffer): string {
    const out: string[] = [];
    const raw = pdf.toString("latin1");
    for (const m of raw.matchAll(/stream\r?\n/g)) {
      const from = m.index! + m[0].length;
      const to = raw.indexOf("endstream", from);
      try {
        const content = inflateSync(pdf.subarray(from, to)).toString("latin1");
        for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) out.push(Buffer.from(hex[1], "hex").toString("latin1"));
      } catch {
        // not a Flate stream (images, fonts)
      }
    }
    return out.join("");
  }

  it("is a real PDF that carries the code and the formatted CPF; the verification shows no CPF", async () => {
    const event = await eventWith();
    const r = await registration(event.id);
    setClock(new Date(end.getTime() + DAY));
    await run();
    const certificate = (await certificateOf(r.id))!;
    const pdf = Buffer.from(storage.objects.get(certificate.storageKey)!.body);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.byteLength).toBeGreaterThan(1024);
    expect(pdf.subarray(-8).toString()).toContain("%%EOF");
    const text = pdfText(pdf);
    expect(text).toContain(certificate.code);
    expect(text).toContain("529.982.247-25");

    const verified = await verifyCertificate(t.prisma, certificate.code.toLowerCase());
    expect(verified).toMatchObject({ code: certificate.code, participantName: "Ana Souza", eventName: event.name, hours: 8 });
    const json = JSON.stringify(verified);
    expect(json).not.toContain(CPF);
    expect(json).not.toContain("529.982");
    expect(await verifyCertificate(t.prisma, "NOTACODE22")).toBeNull();
  });

  it("downloads only for its portal user, staff, or the private link's holder", async () => {
    const owner = await createActor(t.prisma, "CLIENT");
    const other = await createActor(t.prisma, "CLIENT");
    const event = await eventWith();
    const portal = await registration(event.id, { userId: owner.user.id, source: "PORTAL" });
    const token = newAccessToken();
    const pub = await registration(event.id, { accessTokenHash: token.hash });
    setClock(new Date(end.getTime() + DAY));
    await run();
    const portalCert = (await certificateOf(portal.id))!;
    const publicCert = (await certificateOf(pub.id))!;

    expect((await openCertificate(t.prisma, storage, owner.actor, portalCert.id)).fileName).toContain(portalCert.code);
    expect((await openCertificate(t.prisma, storage, staff, portalCert.id)).fileName).toContain(portalCert.code);
    await expect(openCertificate(t.prisma, storage, other.actor, portalCert.id)).rejects.toBeInstanceOf(NotFoundError);
    // A public registrant's certificate has no user: no client can take it by id.
    await expect(openCertificate(t.prisma, storage, other.actor, publicCert.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await openCertificateByToken(t.prisma, storage, token.token)).fileName).toContain(publicCert.code);
    await expect(openCertificateByToken(t.prisma, storage, newAccessToken().token)).rejects.toBeInstanceOf(NotFoundError);
    expect(hashAccessToken(token.token)).toBe(token.hash);
  });
});

describe("issuing now from the event page", () => {
  it("issues only that event's certificates, once, for staff who may edit it", async () => {
    const responsible = await createActor(t.prisma, "STAFF");
    const other = (await createActor(t.prisma, "STAFF")).actor;
    const event = await eventWith({ responsibleId: responsible.user.id });
    const elsewhere = await eventWith();
    const mine = await registration(event.id);
    const theirs = await registration(elsewhere.id);
    setClock(new Date(end.getTime() + DAY));
    await expect(issueEventCertificatesNow(t.prisma, storage, other, event.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await certificateOf(mine.id)).toBeNull();
    const first = await issueEventCertificatesNow(t.prisma, storage, responsible.actor, event.id);
    expect(first.issued).toHaveLength(1);
    expect(first.emailIds).toHaveLength(1);
    expect(await certificateOf(mine.id)).not.toBeNull();
    expect(await certificateOf(theirs.id)).toBeNull();
    const second = await issueEventCertificatesNow(t.prisma, storage, responsible.actor, event.id);
    expect(second.issued).toHaveLength(0);
  });
});
