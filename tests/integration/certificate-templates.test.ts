// Certificate templates: staff only, logo must be a PNG/JPEG
// the actor may read, the preview renders a PDF, and an event's template
// follows the main event into its sessions.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { sampleFacts } from "@/lib/events/certificates/content";
import { renderCertificatePdf } from "@/lib/events/certificates/pdf";
import { certificateTemplateSchema } from "@/lib/events/certificates/schemas";
import { certificateLayout, saveCertificateTemplate } from "@/lib/events/certificates/templates";
import { createEvent, updateEvent } from "@/lib/events/event-save";
import { eventSchema, type EventInput } from "@/lib/events/schemas";
import { createActor, uniqueTag } from "../helpers/factories";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let staff: Actor;
let client: Actor;
let typeId: string;
const storage = new MemoryStorage();
// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

beforeAll(async () => {
  staff = (await createActor(t.prisma, "STAFF")).actor;
  client = (await createActor(t.prisma, "CLIENT")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Course" } })).id;
});

const data = (overrides: Record<string, unknown> = {}) =>
  certificateTemplateSchema.parse({
    name: uniqueTag("Tpl "),
    title: "Certificate",
    body: "{participant} attended {event}.",
    signerName: "Maria",
    signerRole: "Director",
    logoFileId: "",
    ...overrides,
  });

async function storedFile(contentType: string, ownerId: string, body: Uint8Array = PNG) {
  const storageKey = `2026/01/${crypto.randomUUID()}`;
  await storage.put(storageKey, body, contentType);
  return t.prisma.storedFile.create({ data: { storageKey, fileName: "logo", contentType, size: body.byteLength, ownerId } });
}

describe("certificate templates", () => {
  it("clients cannot save one", async () => {
    await expect(saveCertificateTemplate(t.prisma, client, undefined, data())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the logo must be a PNG or JPEG the actor may read", async () => {
    const pdf = await storedFile("application/pdf", staff.userId);
    await expect(saveCertificateTemplate(t.prisma, staff, undefined, data({ logoFileId: pdf.id }))).rejects.toMatchObject({
      fields: { logoFileId: "certificates.errors.logoType" },
    });
    await expect(saveCertificateTemplate(t.prisma, staff, undefined, data({ logoFileId: crypto.randomUUID() }))).rejects.toMatchObject({
      fields: { logoFileId: "validation.invalid" },
    });
    const png = await storedFile("image/png", staff.userId);
    expect(await saveCertificateTemplate(t.prisma, staff, undefined, data({ logoFileId: png.id }))).toHaveProperty("id");
  });

  it("names are unique", async () => {
    const name = uniqueTag("Same ");
    await saveCertificateTemplate(t.prisma, staff, undefined, data({ name }));
    await expect(saveCertificateTemplate(t.prisma, staff, undefined, data({ name }))).rejects.toBeInstanceOf(ValidationError);
  });

  it("the preview renders a PDF with the logo", async () => {
    const logo = await storedFile("image/png", staff.userId);
    const { id } = await saveCertificateTemplate(t.prisma, staff, undefined, data({ logoFileId: logo.id }));
    const template = await t.prisma.certificateTemplate.findUniqueOrThrow({ where: { id } });
    const layout = await certificateLayout(t.prisma, storage, template);
    expect(layout.logo?.format).toBe("png");
    const pdf = Buffer.from(await renderCertificatePdf(layout, sampleFacts("pt-BR")));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.byteLength).toBeGreaterThan(1024);
  });

  it("an event's template follows the main event into its sessions", async () => {
    const { id: templateId } = await saveCertificateTemplate(t.prisma, staff, undefined, data());
    const input = (overrides: Partial<EventInput> = {}) =>
      eventSchema.parse({
        ...{ name: uniqueTag("Course "), startsAt: "2030-03-01T12:00:00Z", endsAt: "2030-03-01T15:00:00Z", timeZone: "UTC", typeId, seats: 10 },
        ...{ responsibleId: "", customerId: "", placeId: "", onlineUrl: "", registrationDeadline: "", cancellationDeadline: "" },
        ...{ portalQuestionnaireId: "", publicQuestionnaireId: "", certificateTemplateId: "", workloadHours: "", mainEventNumber: "" },
        ...overrides,
      } as EventInput);
    const main = await createEvent(t.prisma, staff, input());
    const session = await createEvent(t.prisma, staff, input({ mainEventNumber: String(main.number) }));
    await updateEvent(t.prisma, staff, main.id, input({ name: "Main", certificateTemplateId: templateId }));
    const [mainRow, sessionRow] = await Promise.all([main.id, session.id].map((id) => t.prisma.event.findUniqueOrThrow({ where: { id } })));
    expect(mainRow.certificateTemplateId).toBe(templateId);
    expect(sessionRow.certificateTemplateId).toBe(templateId);
    await expect(createEvent(t.prisma, staff, input({ certificateTemplateId: crypto.randomUUID() }))).rejects.toMatchObject({
      fields: { certificateTemplateId: "validation.invalid" },
    });
  });
});
