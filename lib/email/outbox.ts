// The outbox table: enqueue a rendered e-mail inside the caller's transaction,
// and the admin reads/actions (list, show, retry). Delivery is in deliver.ts.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db";
import type { EmailMessage, EmailStatus, Prisma } from "@/lib/generated/prisma/client";
import { renderEmail, type RenderedEmail } from "./render";
import type { TemplateName, TemplateProps } from "./templates";
import { isUuid } from "@/lib/db/query-guards";

export interface EnqueueEmailInput<N extends TemplateName> {
  to: string;
  locale: string;
  template: N;
  props: TemplateProps<N>;
  /** For templates that format dates; defaults to the translator's (UTC). */
  timeZone?: string;
  /** Files sent with the message, stored beside it in the same transaction. */
  attachments?: EmailAttachmentInput[];
  /**
   * The same template, locale and props rendered beforehand (renderEmail), so a
   * caller holding a lock does not render inside it.
   */
  rendered?: RenderedEmail;
}

export interface EmailAttachmentInput {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

const recipient = z.email();

/** The trimmed address; an invalid one is a programming error (forms validate first). */
export function assertRecipient(address: string): string {
  const to = address.trim();
  if (!recipient.safeParse(to).success) throw new Error(`Not an e-mail address: ${JSON.stringify(address)}`);
  return to;
}

/**
 * Renders the template in the recipient's locale and stores it QUEUED, in `tx`:
 * if the caller's transaction rolls back, no e-mail exists. Pure database work;
 * the caller wakes the sender (notifyOutbox) after commit. Returns the row id.
 */
export async function enqueueEmail<N extends TemplateName>(tx: DbOrTx, input: EnqueueEmailInput<N>): Promise<string> {
  const to = assertRecipient(input.to);
  const rendered = input.rendered ?? (await renderEmail(input.template, input.locale, input.props, { timeZone: input.timeZone }));
  const attachments = input.attachments ?? [];
  if (attachments.length > 1) {
    const row = await tx.emailMessage.create({
      data: { to, locale: rendered.locale, template: input.template, subject: rendered.subject, html: rendered.html, text: rendered.text, status: "QUEUED", attachments: { create: attachments.map(toAttachmentRow) } },
      select: { id: true },
    });
    return row.id;
  }
  // The common cases in one statement (the registration hot path holds a lock meanwhile).
  const id = randomUUID();
  const [attachment] = attachments;
  if (!attachment) {
    await tx.$executeRaw`INSERT INTO "EmailMessage" (id, "to", locale, template, subject, html, text, status, "updatedAt")
      VALUES (${id}::uuid, ${to}, ${rendered.locale}, ${input.template}, ${rendered.subject}, ${rendered.html}, ${rendered.text}, 'QUEUED', now())`;
  } else {
    await tx.$executeRaw`WITH message AS (
        INSERT INTO "EmailMessage" (id, "to", locale, template, subject, html, text, status, "updatedAt")
        VALUES (${id}::uuid, ${to}, ${rendered.locale}, ${input.template}, ${rendered.subject}, ${rendered.html}, ${rendered.text}, 'QUEUED', now())
        RETURNING id)
      INSERT INTO "EmailAttachment" (id, "emailMessageId", "fileName", "contentType", content)
      SELECT ${randomUUID()}::uuid, message.id, ${attachment.fileName}, ${attachment.contentType}, ${toBytes(attachment.content)} FROM message`;
  }
  return id;
}

function toAttachmentRow(a: EmailAttachmentInput) {
  return { fileName: a.fileName, contentType: a.contentType, content: toBytes(a.content) };
}

/** Prisma's Bytes is a Uint8Array over its own ArrayBuffer. */
function toBytes(content: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(content);
}

/** The attachments of a message without their content (the outbox detail page). */
export async function listEmailAttachments(db: DbOrTx, emailMessageId: string) {
  if (!isUuid(emailMessageId)) return [];
  const rows = await db.$queryRaw<{ id: string; fileName: string; contentType: string; size: number }[]>`
    SELECT id, "fileName", "contentType", octet_length(content)::int AS size
    FROM "EmailAttachment" WHERE "emailMessageId" = ${emailMessageId}::uuid ORDER BY "fileName", id`;
  return rows;
}

/** One attachment with its content (the admin download route). */
export async function getEmailAttachment(db: DbOrTx, emailMessageId: string, attachmentId: string) {
  if (!isUuid(emailMessageId) || !isUuid(attachmentId)) return null;
  return db.emailAttachment.findFirst({ where: { id: attachmentId, emailMessageId }, select: { fileName: true, contentType: true, content: true } });
}

/** Admin action: a FAILED message goes back to QUEUED (attempts and lastError kept). */
export async function retryEmail(db: DbOrTx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { count } = await db.emailMessage.updateMany({ where: { id, status: "FAILED" }, data: { status: "QUEUED" } });
  return count === 1;
}

export async function getEmail(db: DbOrTx, id: string): Promise<EmailMessage | null> {
  if (!isUuid(id)) return null;
  return db.emailMessage.findUnique({ where: { id } });
}

export const outboxSummarySelect = {
  id: true,
  to: true,
  locale: true,
  template: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  providerId: true,
  createdAt: true,
  updatedAt: true,
  sentAt: true,
} satisfies Prisma.EmailMessageSelect;

export type OutboxSummary = Prisma.EmailMessageGetPayload<{ select: typeof outboxSummarySelect }>;

export interface ListOutboxInput {
  status?: EmailStatus;
  /** Case-insensitive search in recipient and subject. */
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface OutboxPage {
  items: OutboxSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** One page of the outbox, newest first, without the bodies. */
export async function listOutbox(db: DbOrTx, input: ListOutboxInput = {}): Promise<OutboxPage> {
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? 20) || 20, 1), 100);
  const page = Math.max(Math.trunc(input.page ?? 1) || 1, 1);
  // Prisma's `contains` passes % and _ through as LIKE wildcards: escape them.
  const q = input.q?.trim().replace(/[\\%_]/g, "\\$&");
  const where: Prisma.EmailMessageWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(q
      ? {
          OR: [
            { to: { contains: q, mode: "insensitive" } },
            { subject: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const items = await db.emailMessage.findMany({
    where,
    select: outboxSummarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const total = await db.emailMessage.count({ where });
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
