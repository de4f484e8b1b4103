// Admin-entered names in the reader's language: groups, types, stages and
// conditions keep a base name plus optional per-language labels; every
// screen and e-mail shows the reader's language, else the default language,
// else the base name. The stage history keeps the labels as of the move.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { contactFormOptions } from "@/lib/contacts/create-contact";
import { saveClassification, saveSubclassification } from "@/lib/contacts/settings";
import { choiceLabels, localizedLabel, localizedName } from "@/lib/i18n/labels";
import { forwardTicket } from "@/lib/tickets/forward";
import { listClientTickets, staffQueueChoices } from "@/lib/tickets/lists";
import { newTicketOptions } from "@/lib/tickets/new-ticket-options";
import { openTicket } from "@/lib/tickets/open-ticket";
import { getField, saveField } from "@/lib/tickets/settings/fields";
import { getGroup, getType, saveGroup, saveType } from "@/lib/tickets/settings/groups-types";
import { getStage, saveStage, saveTransition, saveTransitionConditions } from "@/lib/tickets/settings/workflow-editor";
import { clientTicketView, staffTicketView } from "@/lib/tickets/views";
import { seed } from "@/prisma/seed";
import { seedTicketSettings, ticketSeedIds } from "@/prisma/seed-tickets";
import { createCompany } from "../helpers/contacts";
import { createActor, uniqueTag } from "../helpers/factories";
import { allReceived } from "../helpers/mail";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "../helpers/ticket-fixtures";
import { fieldErrors } from "../helpers/ticket-settings-fixtures";

const t = withTestDatabase();
let staff: Actor;

beforeAll(async () => {
  staff = (await createActor(t.prisma, "STAFF")).actor;
});

describe("the label resolver", () => {
  const stage = { name: "Analysis", labels: { "pt-BR": "Análise", fi: "" } };

  it("uses the requested language, then the default language, then the base name", () => {
    expect(localizedName(stage, "pt-BR")).toBe("Análise");
    // Finnish is blank: no default-language label either, so the base name.
    expect(localizedName(stage, "fi")).toBe("Analysis");
    expect(localizedName({ name: "Analysis", labels: { en: "Analysis (staff)", fi: "Analyysi" } }, "pt-BR")).toBe("Analysis (staff)");
    expect(localizedName({ name: "Analysis", labels: { en: "Analysis (staff)", fi: "Analyysi" } }, "fi")).toBe("Analyysi");
    expect(localizedName({ name: "Analysis", labels: { "pt-BR": "Análise" } }, "de")).toBe("Analysis");
  });

  it("reads whatever is stored defensively", () => {
    for (const stored of [null, undefined, "Análise", ["Análise"], { "pt-BR": 3 }, { "pt-BR": "   " }])
      expect(localizedLabel(stored, "pt-BR", "Analysis")).toBe("Analysis");
  });
});

describe("saving labels in the settings", () => {
  it("stores a group's and a type's optional labels; blank ones fall back and are not kept", async () => {
    const tag = uniqueTag();
    const group = await saveGroup(t.prisma, staff, undefined, {
      name: `Support ${tag}`,
      labels: { en: "", "pt-BR": ` Suporte ${tag} `, fi: "" },
      active: true,
    });
    const savedGroup = await getGroup(t.prisma, staff, group.id);
    expect(savedGroup.labels).toEqual({ "pt-BR": `Suporte ${tag}` });
    expect(localizedName(savedGroup, "fi")).toBe(`Support ${tag}`);

    const type = await saveType(t.prisma, staff, undefined, {
      groupId: group.id,
      name: `Incident ${tag}`,
      labels: { fi: `Häiriö ${tag}` },
      description: "",
      active: true,
    });
    const savedType = await getType(t.prisma, staff, type.id);
    expect(localizedName(savedType, "fi")).toBe(`Häiriö ${tag}`);
    expect(localizedName(savedType, "pt-BR")).toBe(`Incident ${tag}`);
    // Editing replaces the labels as the form sends them.
    await saveType(t.prisma, staff, type.id, {
      groupId: group.id,
      name: `Incident ${tag}`,
      labels: { "pt-BR": `Incidente ${tag}`, fi: "" },
      description: "",
      active: true,
    });
    expect((await getType(t.prisma, staff, type.id)).labels).toEqual({ "pt-BR": `Incidente ${tag}` });
  });

  it("refuses labels that are too long, and still requires the base name", async () => {
    expect(await fieldErrors(saveGroup(t.prisma, staff, undefined, { name: `G ${uniqueTag()}`, labels: { fi: "x".repeat(101) }, active: true }))).toEqual({
      "labels.fi": "validation.tooLong",
    });
    expect(await fieldErrors(saveGroup(t.prisma, staff, undefined, { name: " ", labels: { fi: "Tuki" }, active: true }))).toEqual({
      name: "validation.required",
    });
  });

  it("stores a stage's labels and each condition's, keyed by the condition's name", async () => {
    const wf = await createTicketWorkflow(t.prisma);
    await saveStage(t.prisma, staff, wf.type.id, wf.stages.analysis.id, {
      name: "Analysis",
      labels: { "pt-BR": "Análise", fi: "Analyysi" },
      responsible: "STAFF",
      teamId: "",
      attendantId: "",
      terminal: false,
    });
    expect(localizedName(await getStage(t.prisma, staff, wf.type.id, wf.stages.analysis.id), "fi")).toBe("Analyysi");

    const transition = await saveTransition(t.prisma, staff, wf.stages.analysis.id, {
      toStageId: wf.stages.review.id,
      conditions: ["Solution proposed", "Needs information."],
      labels: { "Needs information.": { fi: "Tarvitaan lisätietoja", "pt-BR": "" }, "Not a condition": { fi: "Ei" } },
    });
    const conditions = await t.prisma.ticketTransitionCondition.findMany({ where: { transitionId: transition.id }, orderBy: { position: "asc" } });
    expect(conditions.map((c) => [c.name, c.labels])).toEqual([
      ["Solution proposed", {}],
      ["Needs information.", { fi: "Tarvitaan lisätietoja" }],
    ]);
    await saveTransitionConditions(t.prisma, staff, transition.id, {
      conditions: ["Solution proposed"],
      labels: { "Solution proposed": { "pt-BR": "Solução proposta" } },
    });
    const kept = await t.prisma.ticketTransitionCondition.findMany({ where: { transitionId: transition.id } });
    expect(kept.map((c) => [c.name, c.labels])).toEqual([["Solution proposed", { "pt-BR": "Solução proposta" }]]);
    expect(
      await fieldErrors(
        saveTransitionConditions(t.prisma, staff, transition.id, {
          conditions: ["Solution proposed"],
          labels: { "Solution proposed": { fi: "x".repeat(101) } },
        }),
      ),
    ).toMatchObject({
      "labels.Solution proposed.fi": "validation.tooLong",
    });
  });
});

describe("choices of a parameter", () => {
  it("are saved with their names per language, only for choices that remain", async () => {
    const wf = await createTicketWorkflow(t.prisma);
    const { id } = await saveField(t.prisma, staff, wf.type.id, undefined, {
      labels: { en: "Urgency", "pt-BR": "Urgência", fi: "" },
      kind: "SINGLE_CHOICE",
      options: ["Low", " High ", ""],
      optionLabels: { High: { fi: "Korkea", "pt-BR": "" }, Low: { fi: " ", "pt-BR": "" }, Gone: { fi: "Poissa" } },
      active: true,
    });
    expect((await getField(t.prisma, staff, wf.type.id, id)).optionLabels).toEqual({ High: { fi: "Korkea" } });
    expect(
      await fieldErrors(
        saveField(t.prisma, staff, wf.type.id, id, {
          labels: { en: "Urgency", "pt-BR": "", fi: "" },
          kind: "SINGLE_CHOICE",
          options: ["High"],
          optionLabels: { High: { fi: "x".repeat(101) } },
          active: true,
        }),
      ),
    ).toEqual({ "optionLabels.High.fi": "validation.tooLong" });
  });
});

describe("names shown to clients and staff", () => {
  let wf: TicketWorkflow;

  beforeAll(async () => {
    wf = await createTicketWorkflow(t.prisma);
    const labels = { "pt-BR": (x: string) => `${x} (pt)`, fi: (x: string) => `${x} (fi)` };
    const both = (name: string) => ({ "pt-BR": labels["pt-BR"](name), fi: labels.fi(name) });
    await t.prisma.ticketGroup.update({ where: { id: wf.group.id }, data: { labels: { fi: "Tuki" } } });
    await t.prisma.ticketType.update({ where: { id: wf.type.id }, data: { labels: { fi: "Häiriö" } } });
    for (const s of Object.values(wf.stages)) await t.prisma.ticketStage.update({ where: { id: s.id }, data: { labels: both(s.name) } });
    for (const c of await t.prisma.ticketTransitionCondition.findMany({ where: { transition: { fromStage: { typeId: wf.type.id } } } }))
      await t.prisma.ticketTransitionCondition.update({ where: { id: c.id }, data: { labels: both(c.name) } });
    await t.prisma.ticketField.update({ where: { id: wf.fields.severity.id }, data: { optionLabels: { High: { fi: "Korkea" }, Low: { "pt-BR": "Baixa" } } } });
  });

  async function openFor(locale: string) {
    const client = await createTicketClient(t.prisma, { locale });
    const opened = await openTicket(t.prisma, client.actor, {
      customerId: client.customer.id,
      typeId: wf.type.id,
      subject: `Printer ${uniqueTag()}`,
      description: "The second-floor printer does not answer.",
      values: { [wf.fields.system.id]: "ERP" },
      toStageId: wf.stages.analysis.id,
      conditionId: wf.conditions.request,
      reason: "Please",
    });
    return { client, opened };
  }

  it("e-mails a Finnish client the Finnish stage name", async () => {
    const { client, opened } = await openFor("fi");
    const moved = await forwardTicket(t.prisma, staff, opened.id, {
      toStageId: wf.stages.review.id,
      conditionId: wf.conditions.proposed,
      reason: "Try the new driver",
    });
    const [mail] = await t.prisma.emailMessage.findMany({ where: { id: { in: moved.emailIds }, to: client.user.email } }).then(allReceived);
    expect(mail.locale).toBe("fi");
    expect(mail.text).toContain("Client review (fi)");
    expect(mail.text).not.toContain("Client review (pt)");
  });

  it("shows the portal list, the ticket page, its history and its next steps in the reader's language", async () => {
    const { client, opened } = await openFor("pt-BR");
    const list = await listClientTickets(t.prisma, client.actor, {});
    const row = list.rows.find((r) => r.id === opened.id)!;
    expect([localizedName(row.group, "fi"), localizedName(row.type, "fi"), localizedName(row.stage, "pt-BR")]).toEqual(["Tuki", "Häiriö", "Analysis (pt)"]);

    await forwardTicket(t.prisma, staff, opened.id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "Try it" });
    const number = (await t.prisma.ticket.findUniqueOrThrow({ where: { id: opened.id } })).number;
    const view = await clientTicketView(t.prisma, client.actor, number, "fi");
    expect([view.groupName, view.typeName, view.stageName]).toEqual(["Tuki", "Häiriö", "Client review (fi)"]);
    expect(view.history.map((m) => [m.fromStageName, m.toStageName, m.conditionName])).toEqual([
      ["Opening (fi)", "Analysis (fi)", "Request (fi)"],
      ["Analysis (fi)", "Client review (fi)", "Solution proposed (fi)"],
    ]);
    expect(view.transitions.map((x) => [x.toStageName, x.conditions.map((c) => c.name)])).toEqual([
      ["Analysis (fi)", ["Understanding approved (fi)", "Understanding rejected (fi)", "Information provided (fi)"]],
    ]);
    // Choices are offered by their stored value, named in the reader's language.
    const severity = view.fields.find((f) => f.id === wf.fields.severity.id)!;
    expect([severity.options, severity.optionLabels]).toEqual([["Low", "Medium", "High"], { Low: "Low", Medium: "Medium", High: "Korkea" }]);

    // Staff reading English see the base names; Portuguese readers get theirs, and the group falls back.
    const staffView = await staffTicketView(t.prisma, staff, number, "en");
    expect([staffView.groupName, staffView.stageName, staffView.history[1].conditionName]).toEqual([wf.group.name, "Client review", "Solution proposed"]);
    const ptView = await clientTicketView(t.prisma, client.actor, number, "pt-BR");
    expect([ptView.groupName, ptView.stageName]).toEqual([wf.group.name, "Client review (pt)"]);
  });

  it("keeps the history's names as they were when a label is changed later", async () => {
    const { client, opened } = await openFor("fi");
    await t.prisma.ticketStage.update({ where: { id: wf.stages.analysis.id }, data: { labels: { fi: "Uusi nimi" } } });
    try {
      const number = (await t.prisma.ticket.findUniqueOrThrow({ where: { id: opened.id } })).number;
      const view = await clientTicketView(t.prisma, client.actor, number, "fi");
      expect(view.history[0].toStageName).toBe("Analysis (fi)");
      expect(view.stageName).toBe("Uusi nimi");
    } finally {
      await t.prisma.ticketStage.update({ where: { id: wf.stages.analysis.id }, data: { labels: { "pt-BR": "Analysis (pt)", fi: "Analysis (fi)" } } });
    }
  });

  it("offers the new-ticket form's groups, types and conditions, and the queue's filters, in the reader's language", async () => {
    const client = await createTicketClient(t.prisma, { locale: "fi" });
    const options = await newTicketOptions(t.prisma, client.actor, "fi");
    const group = options.groups.find((g) => g.types.some((x) => x.id === wf.type.id))!;
    expect(group.name).toBe("Tuki");
    const type = group.types.find((x) => x.id === wf.type.id)!;
    expect(type.name).toBe("Häiriö");
    expect(type.transitions.map((x) => [x.toStageName, x.conditions.map((c) => c.name)])).toEqual([["Analysis (fi)", ["Request (fi)"]]]);
    expect(type.fields.find((f) => f.id === wf.fields.severity.id)?.optionLabels?.High).toBe("Korkea");

    const choices = await staffQueueChoices(t.prisma, staff, "fi");
    expect(choices.groups.find((g) => g.id === wf.group.id)).toMatchObject({ name: "Tuki", types: [{ id: wf.type.id, name: "Häiriö" }] });
    expect(choices.stages.find((s) => s.id === wf.stages.done.id)?.name).toBe("Done (fi)");
  });
});

describe("contact options", () => {
  it("are saved with their names per language and offered to representatives in theirs", async () => {
    const tag = uniqueTag();
    const { rep } = await createCompany(t.prisma, "fi");
    const classification = await saveClassification(t.prisma, staff, undefined, "CENTRAL", {
      name: `Billing ${tag}`,
      labels: { fi: `Laskutus ${tag}`, "pt-BR": "" },
      active: true,
    });
    await saveSubclassification(t.prisma, staff, classification.id, undefined, { name: `Invoice ${tag}`, labels: { "pt-BR": `Fatura ${tag}` }, active: true });
    const fi = (await contactFormOptions(t.prisma, rep, "fi")).classifications.find((c) => c.id === classification.id)!;
    expect([fi.name, fi.subclassifications.map((s) => s.name)]).toEqual([`Laskutus ${tag}`, [`Invoice ${tag}`]]);
    const pt = (await contactFormOptions(t.prisma, rep, "pt-BR")).classifications.find((c) => c.id === classification.id)!;
    expect([pt.name, pt.subclassifications.map((s) => s.name)]).toEqual([`Billing ${tag}`, [`Fatura ${tag}`]]);
  });
});

describe("the demo seed", () => {
  it("names its workflow in Portuguese and Finnish, and leaves labels an admin changed alone", async () => {
    await seed(t);
    const ids = ticketSeedIds;
    const stage = await t.prisma.ticketStage.findUniqueOrThrow({ where: { id: ids.stages.incident.clientReview } });
    expect([localizedName(stage, "pt-BR"), localizedName(stage, "fi"), localizedName(stage, "en")]).toEqual([
      "Revisão do cliente",
      "Asiakkaan tarkistus",
      "Client review",
    ]);
    const group = await t.prisma.ticketGroup.findUniqueOrThrow({ where: { id: ids.groups.support } });
    expect(localizedName(group, "fi")).toBe("Tuki");
    const condition = await t.prisma.ticketTransitionCondition.findFirstOrThrow({
      where: { name: "Understanding approved", transition: { fromStageId: ids.stages.incident.clientReview } },
    });
    expect(localizedName(condition, "pt-BR")).toBe("Entendimento aprovado");
    const severity = await t.prisma.ticketField.findUniqueOrThrow({ where: { id: ids.fields.severity } });
    expect(choiceLabels(severity.options, severity.optionLabels, "fi")).toEqual({ Low: "Matala", Medium: "Keskitaso", High: "Korkea" });

    await t.prisma.ticketGroup.update({ where: { id: ids.groups.support }, data: { labels: { fi: "Asiakastuki" } } });
    await t.prisma.ticketStage.update({ where: { id: ids.stages.incident.done }, data: { labels: {} } });
    await seedTicketSettings(t.prisma);
    expect(localizedName(await t.prisma.ticketGroup.findUniqueOrThrow({ where: { id: ids.groups.support } }), "fi")).toBe("Asiakastuki");
    // An untranslated demo row (seeded before labels existed) gets them.
    expect(localizedName(await t.prisma.ticketStage.findUniqueOrThrow({ where: { id: ids.stages.incident.done } }), "fi")).toBe("Valmis");
  });
});
