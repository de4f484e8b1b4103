// "Open" a guest request (its status changes from "Created from Guest Portal"
// to "Open", after which the request is handled like any other): in one
// transaction it becomes a ticket of the chosen type in its first staff stage, with
// the requester's fields in the description and the files attached, and the
// requester is e-mailed.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertStaff } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { GuestRequestStatus } from "@/lib/generated/prisma/enums";
import { translatorFor } from "@/lib/i18n/messages";
import { createTicketRecord } from "@/lib/tickets/create-ticket-record";
import { GUEST_PRIORITIES, type GuestBuiltInField } from "./config";
import { customValueList } from "./custom-values";
import { mailGuestRequester } from "./requester-mail";
import { isUuid } from "@/lib/db/query-guards";
import { guestRequestFieldsSelect } from "./request-fields";
import { guestRequestKey, type GuestRequestRef } from "./requests";
import type { OpenGuestRequestInput } from "./schemas";

export interface OpenedGuestRequest {
  ticketId: string;
  ticketNumber: number;
  emailIds: string[];
}

/** Groups with their active types: the choices of the "Open" form. */
export async function openRequestOptions(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  return db.ticketGroup.findMany({
    where: { active: true, types: { some: { active: true } } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, types: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
}

const requestSelect = {
  id: true,
  number: true,
  status: true,
  ...guestRequestFieldsSelect,
  files: { select: { fileId: true } },
} as const;

export async function openGuestRequest(
  db: Db,
  actor: Actor,
  ref: GuestRequestRef,
  input: Omit<OpenGuestRequestInput, "groupId"> & { groupId?: string },
): Promise<OpenedGuestRequest> {
  assertStaff(actor);
  const where = guestRequestKey(ref);
  if (!where) throw new NotFoundError("errors.notFoundBody");
  return db.$transaction(async (tx) => {
    const found = await tx.guestRequest.findUnique({ where, select: { id: true } });
    if (!found) throw new NotFoundError("errors.notFoundBody");
    // Row lock: of two staff opening it at once, the second waits and then sees it opened.
    await tx.$queryRaw`SELECT id FROM "GuestRequest" WHERE id = ${found.id}::uuid FOR UPDATE`;
    const request = await tx.guestRequest.findUnique({ where: { id: found.id }, select: requestSelect });
    if (!request) throw new NotFoundError("errors.notFoundBody");
    if (request.status !== GuestRequestStatus.CREATED) throw new ConflictError("guests.errors.notCreated");
    // Only active types of active groups (and of the chosen group, when one was chosen).
    const type = isUuid(input.typeId)
      ? await tx.ticketType.findFirst({
          where: { id: input.typeId, active: true, group: { active: true }, ...(input.groupId ? { groupId: input.groupId } : {}) },
          select: { id: true },
        })
      : null;
    if (!type) throw new ValidationError({ typeId: "guests.errors.typeUnavailable" });

    const t = translatorFor(actor.locale);
    const ticket = await createTicketRecord(tx, {
      typeId: type.id,
      customerId: null,
      subject: request.title || t("guests.ticket.subject", { number: request.number }),
      description: ticketDescription(t, request),
      openedBy: { userId: actor.userId, name: actor.name },
      fileIds: request.files.map((f) => f.fileId),
      // No client to hand it to: it starts on the staff side, so someone sees it as theirs.
      startOnStaffSide: true,
    });
    // Conditional as well, in case the lock above is ever removed.
    const { count } = await tx.guestRequest.updateMany({
      where: { id: request.id, status: GuestRequestStatus.CREATED },
      data: { status: GuestRequestStatus.OPENED, ticketId: ticket.id },
    });
    if (count !== 1) throw new ConflictError("guests.errors.notCreated");
    const emailIds = await mailGuestRequester(tx, request.id, "opened");
    return { ticketId: ticket.id, ticketNumber: ticket.number, emailIds };
  });
}

type Translator = ReturnType<typeof translatorFor>;
type RequestForTicket = { number: number; description: string | null; customValues: unknown } & Partial<Record<GuestBuiltInField, string | null>>;

/** The requester's fields as "Label: value" lines (in the staff member's language), then the description. */
function ticketDescription(t: Translator, request: RequestForTicket): string {
  const lines = [t("guests.ticket.header", { number: request.number }), ""];
  const builtIn = ["requesterName", "email", "phone", "location", "asset", "category"] as const;
  for (const key of builtIn) if (request[key]) lines.push(`${t(`guests.fields.${key}`)}: ${request[key]}`);
  const priority = GUEST_PRIORITIES.find((p) => p === request.priority);
  if (priority) lines.push(`${t("guests.fields.priority")}: ${t(`guests.priorities.${priority}`)}`);
  for (const field of customValueList(request.customValues)) {
    lines.push(`${field.label}: ${typeof field.value === "boolean" ? t(field.value ? "guests.yes" : "guests.no") : field.value}`);
  }
  if (request.description) lines.push("", t("guests.ticket.description"), request.description);
  return lines.join("\n");
}
