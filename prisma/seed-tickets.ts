// Demo ticket settings, called from prisma/seed.ts: the "Service
// desk" team, groups Support (Incident, Question) and Billing (Invoice
// dispute) with their workflows, Incident's parameters and field rules, the
// default attendant, and a "Students" profile that blocks "Invoice dispute".
// Idempotent: fixed ids and upserts that never overwrite what an admin changed.
import type { DbOrTx } from "@/lib/db";
import { ConditionDecision, Permission, StageResponsible, TicketFieldKind } from "@/lib/generated/prisma/enums";

// The demo's names in Portuguese and Finnish, so clients reading Portico in
// those languages see the whole workflow in them (English is the base name).
const translations: Record<string, { "pt-BR": string; fi: string }> = {
  Support: { "pt-BR": "Suporte", fi: "Tuki" },
  Billing: { "pt-BR": "Faturamento", fi: "Laskutus" },
  Incident: { "pt-BR": "Incidente", fi: "Häiriö" },
  Question: { "pt-BR": "Dúvida", fi: "Kysymys" },
  "Invoice dispute": { "pt-BR": "Contestação de fatura", fi: "Laskuriita" },
  Opening: { "pt-BR": "Abertura", fi: "Avaus" },
  Analysis: { "pt-BR": "Análise", fi: "Analyysi" },
  "Client review": { "pt-BR": "Revisão do cliente", fi: "Asiakkaan tarkistus" },
  Done: { "pt-BR": "Concluído", fi: "Valmis" },
  Answering: { "pt-BR": "Respondendo", fi: "Vastataan" },
  Review: { "pt-BR": "Revisão", fi: "Käsittely" },
  Request: { "pt-BR": "Solicitar", fi: "Pyydä" },
  "Solution proposed": { "pt-BR": "Solução proposta", fi: "Ratkaisu ehdotettu" },
  "Needs information": { "pt-BR": "Precisa de informações", fi: "Tarvitaan lisätietoja" },
  Resolved: { "pt-BR": "Resolvido", fi: "Ratkaistu" },
  "Understanding approved": { "pt-BR": "Entendimento aprovado", fi: "Ymmärrys hyväksytty" },
  "Understanding rejected": { "pt-BR": "Entendimento rejeitado", fi: "Ymmärrys hylätty" },
  "Information provided": { "pt-BR": "Informações fornecidas", fi: "Tiedot toimitettu" },
  Answered: { "pt-BR": "Respondido", fi: "Vastattu" },
  Low: { "pt-BR": "Baixa", fi: "Matala" },
  Medium: { "pt-BR": "Média", fi: "Keskitaso" },
  High: { "pt-BR": "Alta", fi: "Korkea" },
};
const labelsOf = (name: string) => translations[name] ?? {};
// Rows seeded before names had translations get them; labels an admin set are left alone.
const untranslated = { labels: { equals: {} } };

const tid = (n: number) => `71c4e700-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Fixed ids of the demo ticket settings, for tests and other seed modules. */
export const ticketSeedIds = {
  serviceDeskTeam: tid(1),
  groups: { support: tid(11), billing: tid(12) },
  types: { incident: tid(21), question: tid(22), invoiceDispute: tid(23) },
  stages: {
    incident: { opening: tid(101), analysis: tid(102), clientReview: tid(103), done: tid(104) },
    question: { opening: tid(111), answering: tid(112), done: tid(113) },
    invoiceDispute: { opening: tid(121), review: tid(122), done: tid(123) },
  },
  fields: { affectedSystem: tid(201), severity: tid(202), occurredOn: tid(203), internalCostCenter: tid(204), rootCause: tid(205) },
  studentsProfile: tid(301),
} as const;

// The "Portal clients" profile of prisma/seed.ts, which the student leaves for "Students".
const PORTAL_CLIENTS_PROFILE_ID = "00000000-0000-4000-8000-000000000001";

interface StageSeed {
  id: string;
  name: string;
  responsible: StageResponsible;
  terminal?: boolean;
  teamId?: string;
  attendantEmail?: string;
}
interface WorkflowSeed {
  typeId: string;
  stages: StageSeed[];
  transitions: { from: string; to: string; conditions: string[] }[];
}

const ids = ticketSeedIds;
// Conditions that mean the client's decision on the understanding.
const conditionDecisions: Record<string, ConditionDecision> = {
  "Understanding approved": ConditionDecision.APPROVE,
  "Understanding rejected": ConditionDecision.REJECT,
};
const CLIENT = StageResponsible.CLIENT;
const STAFF = StageResponsible.STAFF;

/** Opening (client) -> middle (staff) [Request] -> Done (terminal) [closing]. */
function threeStageWorkflow(typeId: string, s: { opening: string; done: string }, middleId: string, middleName: string, closing: string): WorkflowSeed {
  return {
    typeId,
    stages: [
      { id: s.opening, name: "Opening", responsible: CLIENT },
      { id: middleId, name: middleName, responsible: STAFF },
      { id: s.done, name: "Done", responsible: STAFF, terminal: true },
    ],
    transitions: [
      { from: s.opening, to: middleId, conditions: ["Request"] },
      { from: middleId, to: s.done, conditions: [closing] },
    ],
  };
}

const incident = ids.stages.incident;
const workflows: WorkflowSeed[] = [
  {
    typeId: ids.types.incident,
    stages: [
      { id: incident.opening, name: "Opening", responsible: CLIENT },
      { id: incident.analysis, name: "Analysis", responsible: STAFF, teamId: ids.serviceDeskTeam, attendantEmail: "staff1@portico.test" },
      { id: incident.clientReview, name: "Client review", responsible: CLIENT },
      { id: incident.done, name: "Done", responsible: STAFF, terminal: true },
    ],
    transitions: [
      { from: incident.opening, to: incident.analysis, conditions: ["Request"] },
      { from: incident.analysis, to: incident.clientReview, conditions: ["Solution proposed", "Needs information"] },
      { from: incident.analysis, to: incident.done, conditions: ["Resolved"] },
      { from: incident.clientReview, to: incident.analysis, conditions: ["Understanding approved", "Understanding rejected", "Information provided"] },
    ],
  },
  threeStageWorkflow(ids.types.question, ids.stages.question, ids.stages.question.answering, "Answering", "Answered"),
  threeStageWorkflow(ids.types.invoiceDispute, ids.stages.invoiceDispute, ids.stages.invoiceDispute.review, "Review", "Resolved"),
];

type Rule = { invisible?: boolean; invisibleInPortal?: boolean; required?: boolean; readOnly?: boolean; requiredFromPrevious?: boolean };
const incidentStages = [incident.opening, incident.analysis, incident.clientReview, incident.done];

const incidentFields: { id: string; labels: Record<string, string>; kind: TicketFieldKind; options?: string[]; rules: Record<string, Rule> }[] = [
  {
    id: ids.fields.affectedSystem,
    labels: { en: "Affected system", "pt-BR": "Sistema afetado", fi: "Järjestelmä, jota vika koskee" },
    kind: TicketFieldKind.SHORT_TEXT,
    rules: { [incident.opening]: { required: true } },
  },
  {
    id: ids.fields.severity,
    labels: { en: "Severity", "pt-BR": "Gravidade", fi: "Vakavuus" },
    kind: TicketFieldKind.SINGLE_CHOICE,
    options: ["Low", "Medium", "High"],
    rules: {},
  },
  { id: ids.fields.occurredOn, labels: { en: "Occurred on", "pt-BR": "Ocorreu em", fi: "Tapahtumapäivä" }, kind: TicketFieldKind.DATE, rules: {} },
  {
    id: ids.fields.internalCostCenter,
    labels: { en: "Internal cost center", "pt-BR": "Centro de custo interno", fi: "Sisäinen kustannuspaikka" },
    kind: TicketFieldKind.SHORT_TEXT,
    rules: Object.fromEntries(incidentStages.map((stageId) => [stageId, { invisibleInPortal: true }])),
  },
  {
    id: ids.fields.rootCause,
    labels: { en: "Root cause", "pt-BR": "Causa raiz", fi: "Juurisyy" },
    kind: TicketFieldKind.LONG_TEXT,
    rules: {
      [incident.opening]: { invisible: true, invisibleInPortal: true },
      [incident.clientReview]: { readOnly: true },
      [incident.done]: { requiredFromPrevious: true },
    },
  },
];

async function userIdByEmail(db: DbOrTx, email: string): Promise<string> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`seedTicketSettings needs ${email} (run the base seed first)`);
  return user.id;
}

export async function seedTicketSettings(db: DbOrTx): Promise<void> {
  const staff1 = await userIdByEmail(db, "staff1@portico.test");
  const staff2 = await userIdByEmail(db, "staff2@portico.test");

  await db.staffTeam.upsert({ where: { id: ids.serviceDeskTeam }, create: { id: ids.serviceDeskTeam, name: "Service desk" }, update: {} });
  await db.staffTeamMember.createMany({ data: [staff1, staff2].map((userId) => ({ teamId: ids.serviceDeskTeam, userId })), skipDuplicates: true });

  const groups = [
    {
      id: ids.groups.support,
      name: "Support",
      position: 0,
      types: [
        { id: ids.types.incident, name: "Incident" },
        { id: ids.types.question, name: "Question" },
      ],
    },
    { id: ids.groups.billing, name: "Billing", position: 1, types: [{ id: ids.types.invoiceDispute, name: "Invoice dispute" }] },
  ];
  for (const { types, ...group } of groups) {
    await db.ticketGroup.upsert({ where: { id: group.id }, create: { ...group, labels: labelsOf(group.name) }, update: {} });
    await db.ticketGroup.updateMany({ where: { id: group.id, name: group.name, ...untranslated }, data: { labels: labelsOf(group.name) } });
    for (const type of types) {
      await db.ticketType.upsert({ where: { id: type.id }, create: { ...type, labels: labelsOf(type.name), groupId: group.id }, update: {} });
      await db.ticketType.updateMany({ where: { id: type.id, name: type.name, ...untranslated }, data: { labels: labelsOf(type.name) } });
    }
  }

  for (const workflow of workflows) {
    for (const [position, { attendantEmail, ...stage }] of workflow.stages.entries()) {
      const attendantId = attendantEmail ? await userIdByEmail(db, attendantEmail) : undefined;
      await db.ticketStage.upsert({
        where: { id: stage.id },
        create: { ...stage, labels: labelsOf(stage.name), typeId: workflow.typeId, position, attendantId },
        update: {},
      });
      await db.ticketStage.updateMany({ where: { id: stage.id, name: stage.name, ...untranslated }, data: { labels: labelsOf(stage.name) } });
    }
    for (const { from, to, conditions } of workflow.transitions) {
      const transition = await db.ticketTransition.upsert({
        where: { fromStageId_toStageId: { fromStageId: from, toStageId: to } },
        create: { fromStageId: from, toStageId: to },
        update: {},
        select: { id: true },
      });
      await db.ticketTransitionCondition.createMany({
        data: conditions.map((name, position) => ({
          transitionId: transition.id,
          name,
          labels: labelsOf(name),
          position,
          decision: conditionDecisions[name] ?? null,
        })),
        skipDuplicates: true,
      });
      for (const name of conditions)
        await db.ticketTransitionCondition.updateMany({ where: { transitionId: transition.id, name, ...untranslated }, data: { labels: labelsOf(name) } });
    }
  }

  for (const [position, { rules, options, ...field }] of incidentFields.entries()) {
    const optionLabels = Object.fromEntries((options ?? []).map((o) => [o, labelsOf(o)]));
    await db.ticketField.upsert({
      where: { id: field.id },
      create: { ...field, options: options ?? [], optionLabels, position, typeId: ids.types.incident },
      update: {},
    });
    if (options) await db.ticketField.updateMany({ where: { id: field.id, optionLabels: { equals: {} } }, data: { optionLabels } });
    for (const [stageId, rule] of Object.entries(rules)) {
      await db.ticketFieldRule.upsert({
        where: { fieldId_stageId: { fieldId: field.id, stageId } },
        create: { fieldId: field.id, stageId, ...rule },
        update: {},
      });
    }
  }

  await db.setting.upsert({ where: { key: "tickets.defaultAttendantId" }, create: { key: "tickets.defaultAttendantId", value: staff1 }, update: {} });

  // The student gets a profile of its own, so blocking "Invoice dispute" does not block every portal client.
  // Moved once, when the profile is first created: a later run leaves an admin's choice alone.
  if (!(await db.profile.findUnique({ where: { id: ids.studentsProfile }, select: { id: true } }))) {
    await db.profile.create({
      data: { id: ids.studentsProfile, name: "Students", description: "Students on the self-service portal.", permissions: [Permission.PORTAL_ACCESS] },
    });
    await db.user.updateMany({ where: { email: "student@portico.test", profileId: PORTAL_CLIENTS_PROFILE_ID }, data: { profileId: ids.studentsProfile } });
  }
  await db.profileBlockedTicketType.createMany({ data: [{ profileId: ids.studentsProfile, typeId: ids.types.invoiceDispute }], skipDuplicates: true });
}
