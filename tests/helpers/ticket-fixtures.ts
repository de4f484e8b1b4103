// A ticket workflow for tests, written straight through Prisma (the settings
// rules are tested elsewhere): Opening (client) -> Analysis (staff) ->
// Client review (client) -> back to Analysis, and Analysis -> Done (terminal),
// with parameters covering every rule kind, and a default attendant.
import type { DbOrTx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { setSetting } from "@/lib/settings/general";
import { createActor, createContactPerson, createCustomer, uniqueTag } from "./factories";
import type { StageResponsible } from "@/lib/generated/prisma/enums";

export async function createTicketWorkflow(db: DbOrTx, options: { defaultAttendant?: boolean } = {}) {
  const tag = uniqueTag();
  const attendant = await createActor(db, "STAFF");
  const group = await db.ticketGroup.create({ data: { name: `Support ${tag}` } });
  const type = await db.ticketType.create({ data: { name: `Incident ${tag}`, groupId: group.id } });
  const stage = (name: string, position: number, responsible: StageResponsible, extra: { terminal?: boolean; attendantId?: string } = {}) =>
    db.ticketStage.create({ data: { typeId: type.id, name, position, responsible, ...extra } });
  const opening = await stage("Opening", 0, "CLIENT");
  const analysis = await stage("Analysis", 1, "STAFF", { attendantId: attendant.user.id });
  const review = await stage("Client review", 2, "CLIENT");
  const done = await stage("Done", 3, "STAFF", { terminal: true });

  const decisions: Record<string, "APPROVE" | "REJECT"> = { "Understanding approved": "APPROVE", "Understanding rejected": "REJECT" };
  const transition = async (from: { id: string }, to: { id: string }, ...conditions: string[]) => {
    const t = await db.ticketTransition.create({
      data: {
        fromStageId: from.id,
        toStageId: to.id,
        conditions: { create: conditions.map((name, position) => ({ name, position, decision: decisions[name] ?? null })) },
      },
    });
    const rows = await db.ticketTransitionCondition.findMany({ where: { transitionId: t.id }, orderBy: { position: "asc" } });
    return Object.fromEntries(rows.map((r) => [r.name, r.id])) as Record<string, string>;
  };
  const conditions = {
    request: (await transition(opening, analysis, "Request")).Request,
    ...(await transition(analysis, review, "Solution proposed", "Needs information").then((c) => ({
      proposed: c["Solution proposed"],
      needsInfo: c["Needs information"],
    }))),
    resolved: (await transition(analysis, done, "Resolved")).Resolved,
    ...(await transition(review, analysis, "Understanding approved", "Understanding rejected", "Information provided").then((c) => ({
      approved: c["Understanding approved"],
      rejected: c["Understanding rejected"],
      infoProvided: c["Information provided"],
    }))),
  };

  const field = (
    label: string,
    kind: "SHORT_TEXT" | "LONG_TEXT" | "NUMBER" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "YES_NO" | "DATE",
    position: number,
    options: string[] = [],
  ) => db.ticketField.create({ data: { typeId: type.id, labels: { en: label, "pt-BR": `${label} (pt)`, fi: `${label} (fi)` }, kind, position, options } });
  const fields = {
    system: await field("Affected system", "SHORT_TEXT", 0),
    severity: await field("Severity", "SINGLE_CHOICE", 1, ["Low", "Medium", "High"]),
    costCenter: await field("Internal cost center", "SHORT_TEXT", 2),
    rootCause: await field("Root cause", "LONG_TEXT", 3),
    reference: await field("Contract reference", "SHORT_TEXT", 4),
  };
  const rule = (
    fieldId: string,
    stageId: string,
    r: Partial<{ invisible: boolean; invisibleInPortal: boolean; required: boolean; readOnly: boolean; requiredFromPrevious: boolean }>,
  ) => db.ticketFieldRule.create({ data: { fieldId, stageId, ...r } });
  await rule(fields.system.id, opening.id, { required: true });
  for (const s of [opening, analysis, review, done]) await rule(fields.costCenter.id, s.id, { invisibleInPortal: true });
  await rule(fields.rootCause.id, opening.id, { invisible: true, invisibleInPortal: true });
  await rule(fields.rootCause.id, review.id, { readOnly: true });
  await rule(fields.rootCause.id, done.id, { requiredFromPrevious: true });
  // Staff never see it, the portal does (the two invisibility settings are independent).
  await rule(fields.reference.id, analysis.id, { invisible: true });
  await rule(fields.severity.id, review.id, { readOnly: true });

  if (options.defaultAttendant !== false) await setSetting(db, "tickets.defaultAttendantId", attendant.user.id);
  return { group, type, stages: { opening, analysis, review, done }, conditions, fields, attendant };
}

export type TicketWorkflow = Awaited<ReturnType<typeof createTicketWorkflow>>;

/** A portal client reaching a company customer as its contact person. */
export async function createTicketClient(db: DbOrTx, overrides: { locale?: string } = {}) {
  const { user, actor } = await createActor(db, "CLIENT", { locale: overrides.locale ?? "en" });
  const customer = await createCustomer(db, { kind: "COMPANY" });
  await createContactPerson(db, customer.id, { userId: user.id });
  return { user, actor, customer };
}

/** The actor's own upload, as POST /api/files would leave it. */
export async function createUpload(db: DbOrTx, actor: Actor, storageKey = `test/${uniqueTag()}`) {
  return db.storedFile.create({ data: { storageKey, fileName: "evidence.pdf", contentType: "application/pdf", size: 10, ownerId: actor.userId } });
}
