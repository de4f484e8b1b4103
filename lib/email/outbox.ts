// The outbox table: enqueue an e-mail (template + props) inside the caller's transaction,
// and the admin reads/actions (list, show, retry). Delivery is in sender.ts.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import type { EmailMessage, EmailPriority, EmailStatus, Prisma } from "@/lib/generated/prisma/client";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { encodeProps } from "./props";
import { renderSubject } from "./render";
import { renderStoredMessage } from "./stored-render";
import { templates, type TemplateName, type TemplateProps } from "./templates";

export interface EnqueueEmailInput<N extends TemplateName> {
  to: string;
  locale: string;
  template: N;
  props: TemplateProps<N>;
  /** For templates that format dates; defaults to the translator's (UTC). */
  timeZone?: string;
  /** Files sent with the message, stored beside it in the same transaction. */
  attachments?: EmailAttachmentInput[];
  /** Overrides the template's priority (URGENT unless the template says BULK). */
  priority?: EmailPriority;
  /** The bulk send it belongs to (enqueueBulkEmails sets it). */
  batchId?: string;
}

interface EmailAttachmentInput {
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

/** The row an input becomes: the template and its props, rendered later by the sender. */
function messageRow<N extends TemplateName>(input: EnqueueEmailInput<N>) {
  const to = assertRecipient(input.to);
  const locale = isLocale(input.locale) ? input.locale : defaultLocale;
  const subject = renderSubject(input.template, locale, input.props, { timeZone: input.timeZone });
  return {
    id: randomUUID(),
    to,
    locale,
    template: input.template,
    props: encodeProps(input.props),
    timeZone: input.timeZone ?? null,
    subject,
    html: null,
    text: null,
    priority: input.priority ?? templates[input.template].priority ?? "URGENT",
    batchId: input.batchId ?? null,
    status: "QUEUED" as const,
  };
}

/**
 * Stores the message QUEUED in `tx`: if the caller's transaction rolls back, no
 * e-mail exists. Only the subject is rendered here (cheap); the sender renders
 * the body. Pure database work: the caller wakes the sender (notifyOutbox)
 * after commit. Returns the row id.
 */
export async function enqueueEmail<N extends TemplateName>(tx: DbOrTx, input: EnqueueEmailInput<N>): Promise<string> {
  const row = messageRow(input);
  const attachments = input.attachments ?? [];
  await tx.emailMessage.create({
    data: { ...row, ...(attachments.length ? { attachments: { create: attachments.map(toAttachmentRow) } } : {}) },
    select: { id: true },
  });
  return row.id;
}

export interface BulkSend {
  template: TemplateName;
  eventId?: string | null;
  createdById?: string | null;
}

/**
 * Many messages of one bulk send (a status e-mail to every participant) in a
 * few statements, recorded as one EmailBatch so staff can follow its progress.
 * Rendering waits for the sender, so queueing thousands takes moments.
 */
export async function enqueueBulkEmails<N extends TemplateName>(
  tx: DbOrTx,
  send: BulkSend & { template: N },
  inputs: Omit<EnqueueEmailInput<N>, "template" | "batchId">[],
): Promise<{ batchId: string | null; emailIds: string[] }> {
  if (!inputs.length) return { batchId: null, emailIds: [] };
  const batch = await tx.emailBatch.create({
    data: { template: send.template, total: inputs.length, eventId: send.eventId ?? null, createdById: send.createdById ?? null },
    select: { id: true },
  });
  const rows = inputs.map((input) => messageRow({ ...input, template: send.template, batchId: batch.id } as EnqueueEmailInput<N>));
  const withFiles = inputs.flatMap((input, i) => (input.attachments ?? []).map((a) => ({ ...toAttachmentRow(a), emailMessageId: rows[i].id })));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insertRows(tx, rows.slice(i, i + INSERT_CHUNK));
  if (withFiles.length) await tx.emailAttachment.createMany({ data: withFiles });
  return { batchId: batch.id, emailIds: rows.map((r) => r.id) };
}

// Rows per INSERT: one statement of column arrays each (unnest) is far cheaper
// than Prisma's createMany with a parameter per value.
const INSERT_CHUNK = 5_000;

function insertRows(tx: DbOrTx, rows: ReturnType<typeof messageRow>[]) {
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  return tx.$executeRaw`
    INSERT INTO "EmailMessage" (id, "to", locale, template, props, "timeZone", subject, html, text, priority, "batchId", status, "updatedAt")
    SELECT id, "to", locale, template, props, "timeZone", subject, html, text, priority::"EmailPriority", "batchId", 'QUEUED', now()
    FROM unnest(
      ${column("id")}::uuid[], ${column("to")}::text[], ${column("locale")}::text[], ${column("template")}::text[],
      ${rows.map((r) => JSON.stringify(r.props))}::jsonb[], ${column("timeZone")}::text[], ${column("subject")}::text[],
      ${column("html")}::text[], ${column("text")}::text[], ${column("priority")}::text[], ${column("batchId")}::uuid[]
    ) AS v(id, "to", locale, template, props, "timeZone", subject, html, text, priority, "batchId")`;
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

/** Admin action: a FAILED message goes back to QUEUED, due now (attempts and lastError kept). */
export async function retryEmail(db: DbOrTx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { count } = await db.emailMessage.updateMany({ where: { id, status: "FAILED" }, data: { status: "QUEUED", nextAttemptAt: new Date() } });
  return count === 1;
}

/** Admin action: every FAILED message (of one bulk send, or of one template) back to the queue. Returns how many. */
export async function retryFailedEmails(db: DbOrTx, filter: { batchId?: string; template?: string } = {}): Promise<number> {
  if (filter.batchId !== undefined && !isUuid(filter.batchId)) return 0;
  const { count } = await db.emailMessage.updateMany({
    where: { status: "FAILED", ...(filter.batchId ? { batchId: filter.batchId } : {}), ...(filter.template ? { template: filter.template } : {}) },
    data: { status: "QUEUED", nextAttemptAt: new Date() },
  });
  return count;
}

/** The whole message; one not sent yet is rendered now, as it will be sent. */
export async function getEmail(db: DbOrTx, id: string): Promise<(EmailMessage & { html: string; text: string }) | null> {
  if (!isUuid(id)) return null;
  const message = await db.emailMessage.findUnique({ where: { id } });
  return message ? { ...message, ...(await renderStoredMessage(message)) } : null;
}

const outboxSummarySelect = {
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

type OutboxSummary = Prisma.EmailMessageGetPayload<{ select: typeof outboxSummarySelect }>;

export interface ListOutboxInput {
  status?: EmailStatus;
  /** Case-insensitive search in recipient and subject. */
  q?: string;
  /** One template's messages (index on template, createdAt). */
  template?: string;
  /** One bulk send's messages (index on batchId, status). */
  batchId?: string;
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
  // A batch id that is no uuid matches nothing (the column would reject it).
  if (input.batchId && !isUuid(input.batchId)) return { items: [], total: 0, page, pageSize, pageCount: 1 };
  const where: Prisma.EmailMessageWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.template ? { template: input.template } : {}),
    ...(input.batchId ? { batchId: input.batchId } : {}),
    ...(q
      ? {
          OR: [{ to: { contains: q, mode: "insensitive" } }, { subject: { contains: q, mode: "insensitive" } }],
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
