// An event's artwork is public with the event, so only an image staff uploaded
// as artwork can become one: a client's ticket attachment (which staff may
// read) or any other upload is refused, whoever sets it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { setEventArtwork } from "@/lib/events/event-artwork";
import { createEvent } from "@/lib/events/event-save";
import { eventSchema } from "@/lib/events/schemas";
import { uploadFile, uploadPurpose } from "@/lib/files/files";
import { FilePurpose, Role } from "@/lib/generated/prisma/enums";
import { addTicketAttachments } from "@/lib/tickets/discussion";
import { openTicket } from "@/lib/tickets/open-ticket";
import { createActor, eventFormInput, uniqueTag } from "../helpers/factories";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "../helpers/ticket-fixtures";

// A 1×1 PNG and a tiny PDF: the bytes decide the type.
const png = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));
const pdf = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

const t = withTestDatabase();
let wf: TicketWorkflow;
let client: Awaited<ReturnType<typeof createTicketClient>>;
let admin: Actor;
let staff: Actor;
const storage = new MemoryStorage();
let eventId: string;

beforeAll(async () => {
  wf = await createTicketWorkflow(t.prisma);
  client = await createTicketClient(t.prisma);
  ({ actor: admin } = await createActor(t.prisma, Role.ADMIN));
  ({ actor: staff } = await createActor(t.prisma, Role.STAFF));
  const typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Public "), isPublic: true } })).id;
  const input = eventFormInput(typeId, { name: `Open day ${uniqueTag()}` });
  ({ id: eventId } = await createEvent(t.prisma, admin, eventSchema.parse(input)));
});

const artworkOf = async () => (await t.prisma.event.findUniqueOrThrow({ where: { id: eventId } })).artworkFileId;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

/** A client's image, attached to their ticket (staff may read it; it is not theirs to publish). */
async function ticketImage() {
  const upload = await uploadFile(t.prisma, storage, client.actor, { fileName: "meter-photo.png", bytes: png });
  const ticket = await openTicket(t.prisma, client.actor, {
    customerId: client.customer.id,
    typeId: wf.type.id,
    subject: "Meter reading",
    description: "Photo attached.",
    values: { [wf.fields.system.id]: "ERP" },
    toStageId: wf.stages.analysis.id,
    conditionId: wf.conditions.request,
    reason: "See photo",
  });
  await addTicketAttachments(t.prisma, client.actor, ticket.id, { fileIds: [upload.id] });
  return upload;
}

describe("event artwork", () => {
  it("refuses a ticket attachment's id, even from an administrator", async () => {
    const attachment = await ticketImage();
    expect(await t.prisma.ticketAttachment.count({ where: { fileId: attachment.id } })).toBe(1);
    for (const who of [admin, staff]) {
      expect(await refusal(setEventArtwork(t.prisma, who, eventId, attachment.id))).toEqual({ artwork: "events.errors.artworkUploadOnly" });
    }
    expect(await artworkOf()).toBeNull();
  });

  it("refuses staff's own image uploaded as an attachment", async () => {
    const upload = await uploadFile(t.prisma, storage, staff, { fileName: "poster.png", bytes: png });
    expect(await refusal(setEventArtwork(t.prisma, staff, eventId, upload.id))).toEqual({ artwork: "events.errors.artworkUploadOnly" });
    expect(await artworkOf()).toBeNull();
  });

  it("accepts an image staff uploaded as artwork, and removing it", async () => {
    const upload = await uploadFile(t.prisma, storage, staff, { fileName: "poster.png", bytes: png, purpose: FilePurpose.EVENT_ARTWORK });
    expect(await t.prisma.storedFile.findUniqueOrThrow({ where: { id: upload.id } })).toMatchObject({ purpose: "EVENT_ARTWORK", contentType: "image/png" });
    await setEventArtwork(t.prisma, staff, eventId, upload.id);
    expect(await artworkOf()).toBe(upload.id);
    await setEventArtwork(t.prisma, staff, eventId, null);
    expect(await artworkOf()).toBeNull();
  });

  it("takes artwork uploads from staff only, and only images", async () => {
    const before = await t.prisma.storedFile.count();
    await expect(
      uploadFile(t.prisma, storage, client.actor, { fileName: "poster.png", bytes: png, purpose: FilePurpose.EVENT_ARTWORK }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(uploadFile(t.prisma, storage, staff, { fileName: "flyer.pdf", bytes: pdf, purpose: FilePurpose.EVENT_ARTWORK })).rejects.toMatchObject({
      key: "events.errors.artworkNotImage",
    });
    expect(await t.prisma.storedFile.count()).toBe(before);
  });

  it("reads the upload form's purpose field: none is an attachment, unknown values are refused", () => {
    expect(uploadPurpose(null)).toBe(FilePurpose.ATTACHMENT);
    expect(uploadPurpose("")).toBe(FilePurpose.ATTACHMENT);
    expect(uploadPurpose("eventArtwork")).toBe(FilePurpose.EVENT_ARTWORK);
    expect(uploadPurpose("EVENT_ARTWORK")).toBeNull();
    expect(uploadPurpose("toString")).toBeNull();
  });
});
