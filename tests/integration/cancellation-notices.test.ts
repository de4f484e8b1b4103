// Cancellations are never silent: the registrant hears of their own
// cancellation (a confirmation) and of staff's (with the reason, which their
// registration page shows too), public registrants included; the client who
// opened a ticket hears an administrator cancelled it, with the reason. Each
// e-mail goes to the affected person, in their language, as urgent mail.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { myCancellation } from "@/lib/events/cancellation";
import { cancelRegistration, findRegistrationByToken, registerForEvent, registerForPublicEvent } from "@/lib/events/registration";
import { cancelTicket } from "@/lib/tickets/admin";
import { forwardTicket } from "@/lib/tickets/forward";
import { openTicket } from "@/lib/tickets/open-ticket";
import { clientTicketView } from "@/lib/tickets/views";
import { createActor, uniqueTag } from "../helpers/factories";
import { allReceived } from "../helpers/mail";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "../helpers/ticket-fixtures";

const t = withTestDatabase();
let typeId: string;
let staff: Actor;
let admin: Actor;
const day = 24 * 3600 * 1000;

beforeAll(async () => {
  typeId = (await t.prisma.eventType.create({ data: { name: "Training", isPublic: true } })).id;
  staff = (await createActor(t.prisma, "STAFF")).actor;
  admin = (await createActor(t.prisma, "ADMIN")).actor;
});

async function createEvent(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: `Workshop ${tag}`,
      slug: tag,
      startsAt: new Date(Date.now() + 10 * day),
      endsAt: new Date(Date.now() + 10 * day + 3600_000),
      timeZone: "America/Sao_Paulo",
      typeId,
      seats: 5,
      visibleInPortal: true,
      publicRegistration: true,
      ...overrides,
    },
  });
}

const mailOf = async (emailIds: string[], template: string) =>
  await t.prisma.emailMessage.findMany({ where: { id: { in: emailIds }, template } }).then(allReceived);

describe("a registrant cancels their own registration", () => {
  it("e-mails the portal client a confirmation in their language, with no reason", async () => {
    const { user, actor } = await createActor(t.prisma, "CLIENT", { locale: "pt-BR" });
    const event = await createEvent();
    const { registrationId } = await registerForEvent(t.prisma, event.id, { source: "PORTAL", actor });

    const result = await cancelRegistration(t.prisma, { actor }, registrationId, { reason: "a client cannot leave a reason" });
    expect(result.eventNumber).toBe(event.number);
    const [mail] = await mailOf(result.emailIds, "eventCancellation");
    expect(mail).toMatchObject({ to: user.email, locale: "pt-BR", priority: "URGENT" });
    expect(mail.subject).toBe(`Inscrição cancelada: ${event.name}`);
    expect(mail.text).toContain(`Conforme solicitado, sua inscrição em ${event.name}`);
    expect(mail.text).not.toContain("Motivo");
    expect(mail.text).toContain(`/portal/events/${event.number}`);
    expect(await myCancellation(t.prisma, actor, event.id)).toEqual({ byStaff: false, reason: null });
  });

  it("e-mails a public registrant (no account) who cancels through their private link", async () => {
    const event = await createEvent();
    const email = `${uniqueTag("pub")}@x.test`;
    const reg = await registerForPublicEvent(t.prisma, event.slug, { source: "PUBLIC", name: "Ilona Public", email, locale: "fi" });

    const result = await cancelRegistration(t.prisma, { accessToken: reg.accessToken! }, reg.registrationId);
    const [mail] = await mailOf(result.emailIds, "eventCancellation");
    expect(mail).toMatchObject({ to: email, locale: "fi", priority: "URGENT" });
    expect(mail.text).toContain("Hei Ilona Public,");
    expect(mail.text).toContain(`ilmoittautumisesi tapahtumaan ${event.name}`);
    // No portal account, so no portal link.
    expect(mail.text).not.toContain("/portal/events/");

    // A retry changes nothing and sends nothing more.
    expect((await cancelRegistration(t.prisma, { accessToken: reg.accessToken! }, reg.registrationId)).emailIds).toEqual([]);
    expect(await t.prisma.emailMessage.count({ where: { to: email, template: "eventCancellation" } })).toBe(1);
  });
});

describe("staff cancel a registration", () => {
  it("store the reason, e-mail it to the registrant in their language and show it on their page", async () => {
    const { user, actor } = await createActor(t.prisma, "CLIENT", { locale: "fi" });
    const event = await createEvent();
    const { registrationId } = await registerForEvent(t.prisma, event.id, { source: "PORTAL", actor });

    const result = await cancelRegistration(t.prisma, { actor: staff }, registrationId, { reason: "  The room flooded.  " });
    expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } })).toMatchObject({
      status: "CANCELLED",
      cancelledByStaff: true,
      cancelReason: "The room flooded.",
    });
    const [mail] = await mailOf(result.emailIds, "eventCancellation");
    expect(mail).toMatchObject({ to: user.email, locale: "fi", priority: "URGENT" });
    expect(mail.subject).toBe(`Ilmoittautumisesi peruttiin: ${event.name}`);
    expect(mail.text).toContain("Järjestäjät peruivat ilmoittautumisesi");
    expect(mail.text).toContain("Syy: The room flooded.");
    expect(await myCancellation(t.prisma, actor, event.id)).toEqual({ byStaff: true, reason: "The room flooded." });

    // Registering again starts afresh: the old cancellation is no longer shown.
    await registerForEvent(t.prisma, event.id, { source: "PORTAL", actor });
    expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } })).toMatchObject({
      status: "REGISTERED",
      cancelledByStaff: false,
      cancelReason: null,
    });
    expect(await myCancellation(t.prisma, actor, event.id)).toBeNull();
  });

  it("without a reason, tell the registrant all the same", async () => {
    const event = await createEvent();
    const email = `${uniqueTag("pub")}@x.test`;
    const reg = await registerForPublicEvent(t.prisma, event.slug, { source: "PUBLIC", name: "Rita", email, locale: "en" });

    const result = await cancelRegistration(t.prisma, { actor: staff }, reg.registrationId, { reason: "" });
    const [mail] = await mailOf(result.emailIds, "eventCancellation");
    expect(mail).toMatchObject({ to: email, locale: "en" });
    expect(mail.text).toContain(`The organizers cancelled your registration for ${event.name}`);
    expect(mail.text).not.toContain("Reason:");
    // The private link's page learns who cancelled.
    expect(await findRegistrationByToken(t.prisma, reg.accessToken!)).toMatchObject({ status: "CANCELLED", cancelledByStaff: true, cancelReason: null });
  });

  it("show a public registrant the reason on their private link's page", async () => {
    const event = await createEvent();
    const reg = await registerForPublicEvent(t.prisma, event.slug, { source: "PUBLIC", name: "Rui", email: `${uniqueTag("pub")}@x.test`, locale: "pt-BR" });
    const result = await cancelRegistration(t.prisma, { actor: staff }, reg.registrationId, { reason: "Evento lotado por engano." });
    expect(await findRegistrationByToken(t.prisma, reg.accessToken!)).toMatchObject({ cancelledByStaff: true, cancelReason: "Evento lotado por engano." });
    const [mail] = await mailOf(result.emailIds, "eventCancellation");
    expect(mail.text).toContain("Motivo: Evento lotado por engano.");
  });

  it("refuse a reason longer than the form allows", async () => {
    const event = await createEvent();
    const reg = await registerForPublicEvent(t.prisma, event.slug, { source: "PUBLIC", name: "Long", email: `${uniqueTag("pub")}@x.test`, locale: "en" });
    await expect(cancelRegistration(t.prisma, { actor: staff }, reg.registrationId, { reason: "x".repeat(2001) })).rejects.toThrow();
    expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: reg.registrationId } })).toMatchObject({ status: "REGISTERED" });
  });
});

describe("an administrator cancels a ticket", () => {
  let wf: TicketWorkflow;
  beforeAll(async () => {
    wf = await createTicketWorkflow(t.prisma);
  });

  it("e-mails the client who opened it the reason, in their language, and shows it on their ticket", async () => {
    const client = await createTicketClient(t.prisma, { locale: "pt-BR" });
    const opened = await openTicket(t.prisma, client.actor, {
      customerId: client.customer.id,
      typeId: wf.type.id,
      subject: "Impressora parada",
      description: "Não imprime.",
      values: { [wf.fields.system.id]: "ERP" },
      toStageId: wf.stages.analysis.id,
      conditionId: wf.conditions.request,
      reason: "Ajuda",
      fileIds: [],
    });
    await forwardTicket(t.prisma, staff, opened.id, {
      toStageId: wf.stages.review.id,
      conditionId: wf.conditions.proposed,
      reason: "Proposal",
      values: { [wf.fields.rootCause.id]: "x" },
    });

    const result = await cancelTicket(t.prisma, admin, opened.id, { reason: "Aberto em duplicidade com o #1." });
    const [mail] = await mailOf(result.emailIds, "ticketClientNotice");
    expect(mail).toMatchObject({ to: client.user.email, locale: "pt-BR", priority: "URGENT" });
    expect(mail.subject).toBe(`Chamado #${result.number} cancelado: Impressora parada`);
    expect(mail.text).toContain("foi cancelado pela nossa equipe");
    expect(mail.text).toContain("Motivo: Aberto em duplicidade com o #1.");

    const view = await clientTicketView(t.prisma, client.actor, result.number, "pt-BR");
    expect(view).toMatchObject({ status: "CANCELLED", cancelReason: "Aberto em duplicidade com o #1." });
  });
});
