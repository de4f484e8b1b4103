// What a ticket page shows, already filtered for its audience: the portal gets
// only fields visible in the portal, public messages and public attachments;
// staff get fields under the staff rules, internal notes too. Pages render
// these objects and nothing else, so hidden data never reaches the client's
// HTML or the RSC payload.
import type { Actor } from "@/lib/auth/actor";
import { assertPortalClient, assertStaff, isAdmin, isStaff } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { StageResponsible, TicketFieldKind, TicketMessageKind, TicketStatus, UnderstandingState, type ConditionDecision } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { choiceLabels, localizedLabel, localizedName } from "@/lib/i18n/labels";
import { ticketIdByNumber } from "./access";
import { fieldAccess, fieldLabel, type Audience } from "./field-rules";
import { loadTypeFields } from "./workflow";

export interface TicketFieldView {
  id: string;
  label: string;
  kind: TicketFieldKind;
  /** The choices as stored (the values), and each one's name in the viewer's language. */
  options: string[];
  optionLabels?: Record<string, string>;
  value: unknown;
  editable: boolean;
  required: boolean;
}

export interface TicketFileView {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
  createdAt: Date;
  internal: boolean;
}

export interface TicketMessageView {
  id: string;
  authorName: string;
  fromStaff: boolean;
  kind: TicketMessageKind;
  body: string;
  createdAt: Date;
  files: TicketFileView[];
}

export interface TicketMovementView {
  id: string;
  fromStageName: string | null;
  toStageName: string;
  conditionName: string;
  reason: string;
  actorName: string;
  clientName: string | null;
  /** Staff moved the ticket out of the client's stage on the client's behalf. */
  onBehalfOfClient: boolean;
  createdAt: Date;
  /** Time spent in the stage it left. */
  timeSpentMs: number;
}

export interface TransitionView {
  toStageId: string;
  toStageName: string;
  toResponsible: StageResponsible;
  terminal: boolean;
  /** decision: the decision on the understanding the condition means (null: neutral). */
  conditions: { id: string; name: string; decision: ConditionDecision | null }[];
}

export interface TicketView {
  id: string;
  number: number;
  subject: string;
  description: string;
  status: TicketStatus;
  responsible: StageResponsible;
  groupName: string;
  typeName: string;
  stageName: string;
  customerName: string | null;
  openedByName: string | null;
  assignee: { id: string; name: string } | null;
  teamName: string | null;
  createdAt: Date;
  updatedAt: Date;
  stageEnteredAt: Date;
  completedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  /** Portal: only an understanding handed to the client (a staff draft is left out). */
  understanding: string;
  understandingState: UnderstandingState;
  /** Whether the client has been handed the current understanding. */
  understandingShared: boolean;
  fields: TicketFieldView[];
  messages: TicketMessageView[];
  /** Every file of the ticket, with or without a message. */
  files: TicketFileView[];
  history: TicketMovementView[];
  transitions: TransitionView[];
  guestRequestNumber: number | null;
  /** Staff only: how to reach whoever sent the guest request the ticket was opened from. */
  requester: { name: string | null; email: string | null; phone: string | null } | null;
  can: {
    /** Fill editable parameters and forward (client: only on their turn). */
    forward: boolean;
    decide: boolean;
    message: boolean;
    attach: boolean;
    internalNote: boolean;
    editUnderstanding: boolean;
    assign: boolean;
    cancel: boolean;
    delete: boolean;
  };
}

type StoredTransition = {
  toStage: { id: string; name: string; labels: Prisma.JsonValue; responsible: StageResponsible; terminal: boolean };
  conditions: { id: string; name: string; labels: Prisma.JsonValue; decision: ConditionDecision | null }[];
};

/** A stage's ways out as offered to the viewer: stage and condition names in their language. */
export function transitionViews(outgoing: StoredTransition[], locale: string): TransitionView[] {
  return outgoing
    .filter((o) => o.conditions.length > 0)
    .map((o) => ({
      toStageId: o.toStage.id,
      toStageName: localizedName(o.toStage, locale),
      toResponsible: o.toStage.responsible,
      terminal: o.toStage.terminal,
      conditions: o.conditions.map((c) => ({ id: c.id, name: localizedName(c, locale), decision: c.decision })),
    }));
}

const fileSelect = { id: true, fileName: true, size: true, contentType: true } satisfies Prisma.StoredFileSelect;

function ticketSelect(audience: Audience) {
  const portal = audience === "portal";
  return {
    id: true,
    number: true,
    subject: true,
    description: true,
    status: true,
    responsible: true,
    typeId: true,
    stageId: true,
    group: { select: { name: true, labels: true } },
    type: { select: { name: true, labels: true } },
    stage: {
      select: {
        name: true,
        labels: true,
        outgoing: {
          where: { toStage: { active: true } },
          orderBy: { toStage: { position: "asc" } },
          select: {
            toStage: { select: { id: true, name: true, labels: true, responsible: true, terminal: true } },
            conditions: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, labels: true, decision: true } },
          },
        },
      },
    },
    customer: { select: { name: true } },
    openedBy: { select: { name: true } },
    assignee: { select: { id: true, name: true } },
    team: { select: { name: true } },
    createdAt: true,
    updatedAt: true,
    stageEnteredAt: true,
    completedAt: true,
    cancelledAt: true,
    cancelReason: true,
    understanding: true,
    understandingState: true,
    understandingShared: true,
    guestRequest: { select: { number: true, requesterName: true, email: true, phone: true } },
    messages: {
      where: portal ? { kind: { not: TicketMessageKind.INTERNAL_NOTE } } : {},
      orderBy: { createdAt: "asc" },
      select: { id: true, authorName: true, fromStaff: true, kind: true, body: true, createdAt: true },
    },
    attachments: {
      where: portal ? { internal: false } : {},
      orderBy: { createdAt: "asc" },
      select: { messageId: true, internal: true, createdAt: true, file: { select: fileSelect } },
    },
    movements: {
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        fromStageName: true,
        toStageName: true,
        conditionName: true,
        fromStageLabels: true,
        toStageLabels: true,
        conditionLabels: true,
        reason: true,
        actorName: true,
        clientName: true,
        onBehalfOfClient: true,
        createdAt: true,
        fromEnteredAt: true,
      },
    },
  } satisfies Prisma.TicketSelect;
}

async function buildView(db: DbOrTx, actor: Actor, id: string, audience: Audience, locale: string): Promise<TicketView> {
  const t = await db.ticket.findUniqueOrThrow({ where: { id }, select: ticketSelect(audience) });
  const typeFields = await loadTypeFields(db, t.typeId, [t.stageId], t.id);
  const rules = typeFields.rules.get(t.stageId) ?? new Map();
  const open = t.status === TicketStatus.OPEN;
  const staff = isStaff(actor);
  const mayChange = open && (staff || t.responsible === StageResponsible.CLIENT);

  const fields = typeFields.fields.flatMap((f) => {
    const access = fieldAccess(rules.get(f.id), audience);
    if (!access.visible) return [];
    return [
      {
        id: f.id,
        label: fieldLabel(f.labels, locale),
        kind: f.kind,
        options: f.options,
        optionLabels: choiceLabels(f.options, f.optionLabels, locale),
        value: typeFields.values.get(f.id) ?? null,
        editable: mayChange && access.editable,
        required: access.required,
      },
    ];
  });
  const files = t.attachments.map((a) => ({ ...a.file, createdAt: a.createdAt, internal: a.internal, messageId: a.messageId }));
  const toFile = (f: (typeof files)[number]): TicketFileView => ({
    id: f.id,
    fileName: f.fileName,
    size: f.size,
    contentType: f.contentType,
    createdAt: f.createdAt,
    internal: f.internal,
  });
  // A draft staff have not handed over yet never leaves the server for the portal.
  const hideUnderstanding = audience === "portal" && !t.understandingShared;
  const understanding = hideUnderstanding ? "" : t.understanding;
  const understandingState = hideUnderstanding ? UnderstandingState.NONE : t.understandingState;

  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    description: t.description,
    status: t.status,
    responsible: t.responsible,
    groupName: localizedName(t.group, locale),
    typeName: localizedName(t.type, locale),
    stageName: localizedName(t.stage, locale),
    customerName: t.customer?.name ?? null,
    openedByName: t.openedBy?.name ?? null,
    assignee: t.assignee,
    teamName: t.team?.name ?? null,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    stageEnteredAt: t.stageEnteredAt,
    completedAt: t.completedAt,
    cancelledAt: t.cancelledAt,
    cancelReason: t.cancelReason,
    understanding,
    understandingState,
    understandingShared: t.understandingShared,
    fields,
    messages: t.messages.map((m) => ({ ...m, files: files.filter((f) => f.messageId === m.id).map(toFile) })),
    files: files.map(toFile),
    // The names as they were then, in the viewer's language when the snapshot has it.
    history: t.movements.map(({ fromEnteredAt, fromStageLabels, toStageLabels, conditionLabels, ...m }) => ({
      ...m,
      fromStageName: m.fromStageName === null ? null : localizedLabel(fromStageLabels, locale, m.fromStageName),
      toStageName: localizedLabel(toStageLabels, locale, m.toStageName),
      conditionName: localizedLabel(conditionLabels, locale, m.conditionName),
      timeSpentMs: Math.max(0, m.createdAt.getTime() - fromEnteredAt.getTime()),
    })),
    transitions: mayChange ? transitionViews(t.stage.outgoing, locale) : [],
    guestRequestNumber: staff ? (t.guestRequest?.number ?? null) : null,
    requester: staff && t.guestRequest ? { name: t.guestRequest.requesterName, email: t.guestRequest.email, phone: t.guestRequest.phone } : null,
    can: {
      forward: mayChange,
      decide: !staff && mayChange && understandingState === UnderstandingState.PENDING && understanding.trim().length > 0,
      message: open,
      attach: open,
      internalNote: staff && open,
      editUnderstanding: staff && open,
      assign: staff && open,
      cancel: isAdmin(actor) && open && t.responsible === StageResponsible.CLIENT,
      delete: isAdmin(actor) && t.status === TicketStatus.CANCELLED,
    },
  };
}

/** The portal's ticket page; NotFoundError outside the client's scope. */
export async function clientTicketView(db: DbOrTx, actor: Actor, number: number, locale: string): Promise<TicketView> {
  assertPortalClient(actor);
  const id = await ticketIdByNumber(db, actor, number);
  return buildView(db, actor, id, "portal", locale);
}

export async function staffTicketView(db: DbOrTx, actor: Actor, number: number, locale: string): Promise<TicketView> {
  assertStaff(actor);
  const id = await ticketIdByNumber(db, actor, number);
  return buildView(db, actor, id, "staff", locale);
}
