// What the portal's "new ticket" form offers: the customer
// records the client reaches, the groups and types their profile may use,
// each type's parameters under its first stage's portal rules, and the first
// stage's transitions for "Save/Request".
import type { Actor } from "@/lib/auth/actor";
import type { ReachableCustomer } from "@/lib/customers/access";
import type { DbOrTx } from "@/lib/db";
import { StageResponsible } from "@/lib/generated/prisma/enums";
import { clientTicketScope } from "./access";
import { fieldAccess, fieldLabel } from "./field-rules";
import { openingStageRules, type OpeningStageRules } from "./opening-rules";
import { defaultAttendant } from "./settings/default-attendant";
import { transitionViews, type TicketFieldView, type TransitionView } from "./views";
import { choiceLabels, localizedName } from "@/lib/i18n/labels";

export interface NewTicketType {
  id: string;
  name: string;
  fields: TicketFieldView[];
  transitions: TransitionView[];
  /** The opening stage's rules for the parameters shown: the form validates with newTicketSchemaFor(rules), as the server does. */
  rules: OpeningStageRules;
}

export interface NewTicketOptions {
  /** False until the general parameters name a default attendant: nothing can be opened. */
  ready: boolean;
  customers: ReachableCustomer[];
  groups: { id: string; name: string; types: NewTicketType[] }[];
}

export async function newTicketOptions(db: DbOrTx, actor: Actor, locale: string): Promise<NewTicketOptions> {
  const scope = await clientTicketScope(db, actor);
  const [attendant, groups] = await Promise.all([
    defaultAttendant(db),
    db.ticketGroup.findMany({
      where: { active: true },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        labels: true,
        types: {
          where: { active: true, ...(scope.blockedTypeIds.length ? { id: { notIn: scope.blockedTypeIds } } : {}) },
          orderBy: { name: "asc" },
          select: {
            id: true,
            name: true,
            labels: true,
            stages: {
              where: { active: true },
              orderBy: [{ position: "asc" }, { id: "asc" }],
              take: 1,
              select: {
                id: true,
                responsible: true,
                fieldRules: true,
                outgoing: {
                  where: { toStage: { active: true } },
                  orderBy: { toStage: { position: "asc" } },
                  select: {
                    toStage: { select: { id: true, name: true, labels: true, responsible: true, terminal: true, fieldRules: true } },
                    conditions: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, labels: true, decision: true } },
                  },
                },
              },
            },
            fields: {
              where: { active: true },
              orderBy: [{ position: "asc" }, { id: "asc" }],
              select: { id: true, labels: true, kind: true, options: true, optionLabels: true },
            },
          },
        },
      },
    }),
  ]);
  const usable = groups
    .map((g) => ({
      id: g.id,
      name: localizedName(g, locale),
      types: g.types.flatMap((type): NewTicketType[] => {
        const stage = type.stages[0];
        // A type whose workflow does not start on the client's side cannot be opened from the portal.
        if (!stage || stage.responsible !== StageResponsible.CLIENT) return [];
        const transitions = transitionViews(stage.outgoing, locale);
        if (transitions.length === 0) return [];
        const rules = new Map(stage.fieldRules.map((r) => [r.fieldId, r]));
        const fields = type.fields.flatMap((f) => {
          const access = fieldAccess(rules.get(f.id), "portal");
          return access.visible
            ? [
                {
                  id: f.id,
                  label: fieldLabel(f.labels, locale),
                  kind: f.kind,
                  options: f.options,
                  optionLabels: choiceLabels(f.options, f.optionLabels, locale),
                  value: null,
                  editable: access.editable,
                  required: access.required,
                },
              ]
            : [];
        });
        const stageRules = new Map([stage, ...stage.outgoing.map((o) => o.toStage)].map((s) => [s.id, new Map(s.fieldRules.map((r) => [r.fieldId, r]))]));
        const opening = openingStageRules(
          type.fields,
          stageRules,
          stage.id,
          transitions.map((x) => x.toStageId),
          "portal",
          { visibleOnly: true },
        );
        return [{ id: type.id, name: localizedName(type, locale), fields, transitions, rules: opening }];
      }),
    }))
    .filter((g) => g.types.length > 0);
  return { ready: attendant !== null, customers: scope.customers, groups: usable };
}
