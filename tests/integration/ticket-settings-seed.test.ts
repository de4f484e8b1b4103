// The demo ticket settings (prisma/seed-tickets.ts) that other modules and e2e
// tests rely on by name, the default attendant read by the runtime, and the
// blocked types of a profile.
import { beforeAll, describe, expect, it } from "vitest";
import { blockedTypeIds } from "@/lib/tickets/settings/blocked-types";
import { defaultAttendant } from "@/lib/tickets/settings/default-attendant";
import { seed } from "@/prisma/seed";
import { ticketSeedIds } from "@/prisma/seed-tickets";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();

beforeAll(async () => {
  await seed(t);
});

async function workflow(typeName: string) {
  const type = await t.prisma.ticketType.findFirstOrThrow({
    where: { name: typeName },
    select: {
      group: { select: { name: true } },
      stages: {
        orderBy: { position: "asc" },
        select: {
          name: true,
          position: true,
          responsible: true,
          terminal: true,
          team: { select: { name: true } },
          attendant: { select: { email: true } },
          outgoing: { select: { toStage: { select: { name: true } }, conditions: { orderBy: { position: "asc" }, select: { name: true } } } },
        },
      },
    },
  });
  return {
    group: type.group.name,
    stages: type.stages.map((s) => ({
      name: s.name,
      position: s.position,
      responsible: s.responsible,
      terminal: s.terminal,
      team: s.team?.name ?? null,
      attendant: s.attendant?.email ?? null,
      next: Object.fromEntries(s.outgoing.map((o) => [o.toStage.name, o.conditions.map((c) => c.name)])),
    })),
  };
}

describe("demo ticket settings", () => {
  it("is idempotent", async () => {
    const count = () =>
      Promise.all([
        t.prisma.ticketStage.count(),
        t.prisma.ticketTransitionCondition.count(),
        t.prisma.ticketFieldRule.count(),
        t.prisma.staffTeamMember.count(),
      ]);
    const before = await count();
    await seed(t);
    expect(await count()).toEqual(before);
  });

  it("has the Service desk team with both staff members", async () => {
    const team = await t.prisma.staffTeam.findUniqueOrThrow({
      where: { name: "Service desk" },
      select: { members: { select: { user: { select: { email: true } } } } },
    });
    expect(team.members.map((m) => m.user.email).sort()).toEqual(["staff1@portico.test", "staff2@portico.test"]);
  });

  it("has the Incident workflow", async () => {
    expect(await workflow("Incident")).toEqual({
      group: "Support",
      stages: [
        { name: "Opening", position: 0, responsible: "CLIENT", terminal: false, team: null, attendant: null, next: { Analysis: ["Request"] } },
        {
          name: "Analysis",
          position: 1,
          responsible: "STAFF",
          terminal: false,
          team: "Service desk",
          attendant: "staff1@portico.test",
          next: { "Client review": ["Solution proposed", "Needs information"], Done: ["Resolved"] },
        },
        {
          name: "Client review",
          position: 2,
          responsible: "CLIENT",
          terminal: false,
          team: null,
          attendant: null,
          next: { Analysis: ["Understanding approved", "Understanding rejected", "Information provided"] },
        },
        { name: "Done", position: 3, responsible: "STAFF", terminal: true, team: null, attendant: null, next: {} },
      ],
    });
  });

  it("has the Question and Invoice dispute workflows", async () => {
    const shape = (middle: string, closing: string, group: string) => ({
      group,
      stages: [
        { name: "Opening", position: 0, responsible: "CLIENT", terminal: false, team: null, attendant: null, next: { [middle]: ["Request"] } },
        { name: middle, position: 1, responsible: "STAFF", terminal: false, team: null, attendant: null, next: { Done: [closing] } },
        { name: "Done", position: 2, responsible: "STAFF", terminal: true, team: null, attendant: null, next: {} },
      ],
    });
    expect(await workflow("Question")).toEqual(shape("Answering", "Answered", "Support"));
    expect(await workflow("Invoice dispute")).toEqual(shape("Review", "Resolved", "Billing"));
  });

  it("has Incident's fields with translated labels and their rules", async () => {
    const fields = await t.prisma.ticketField.findMany({
      where: { typeId: ticketSeedIds.types.incident },
      orderBy: { position: "asc" },
      select: {
        labels: true,
        kind: true,
        options: true,
        rules: {
          select: { stage: { select: { name: true } }, invisible: true, invisibleInPortal: true, required: true, readOnly: true, requiredFromPrevious: true },
        },
      },
    });
    expect(fields.map((f) => [(f.labels as Record<string, string>).en, f.kind, f.options])).toEqual([
      ["Affected system", "SHORT_TEXT", []],
      ["Severity", "SINGLE_CHOICE", ["Low", "Medium", "High"]],
      ["Occurred on", "DATE", []],
      ["Internal cost center", "SHORT_TEXT", []],
      ["Root cause", "LONG_TEXT", []],
    ]);
    for (const f of fields) expect(Object.keys(f.labels as object).sort()).toEqual(["en", "fi", "pt-BR"]);
    const rulesOf = (i: number) =>
      Object.fromEntries(
        fields[i].rules.map(({ stage, ...r }) => [
          stage.name,
          Object.entries(r)
            .filter(([, v]) => v)
            .map(([k]) => k),
        ]),
      );
    expect(rulesOf(0)).toEqual({ Opening: ["required"] });
    expect(rulesOf(1)).toEqual({});
    expect(rulesOf(3)).toEqual({
      Opening: ["invisibleInPortal"],
      Analysis: ["invisibleInPortal"],
      "Client review": ["invisibleInPortal"],
      Done: ["invisibleInPortal"],
    });
    expect(rulesOf(4)).toEqual({ Opening: ["invisible", "invisibleInPortal"], "Client review": ["readOnly"], Done: ["requiredFromPrevious"] });
  });

  it("makes staff1 the default attendant", async () => {
    expect(await defaultAttendant(t.prisma)).toMatchObject({ email: "staff1@portico.test", name: "Sam Staff", locale: "en" });
  });

  it("blocks Invoice dispute for the student's profile only", async () => {
    const profileOf = async (email: string) => (await t.prisma.user.findUniqueOrThrow({ where: { email }, select: { profileId: true } })).profileId;
    expect(await blockedTypeIds(t.prisma, await profileOf("student@portico.test"))).toEqual([ticketSeedIds.types.invoiceDispute]);
    expect(await blockedTypeIds(t.prisma, await profileOf("company@portico.test"))).toEqual([]);
    expect(await blockedTypeIds(t.prisma, null)).toEqual([]);
  });
});
