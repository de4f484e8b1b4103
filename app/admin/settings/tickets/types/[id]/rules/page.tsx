import { getLocale, getTranslations } from "next-intl/server";
import { RuleMatrixForm } from "@/components/tickets/settings/rule-matrix-form";
import { TypeHeader } from "@/components/tickets/settings/type-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/or-not-found";
import { fieldLabel } from "@/lib/tickets/settings/field-label";
import { getRuleMatrix } from "@/lib/tickets/settings/rule-matrix";
import { getType } from "@/lib/tickets/settings/groups-types";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.rules"))("title") };
}

export default async function TicketFieldRulesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const type = await orNotFound(getType(db, actor, (await params).id));
  const [t, locale, matrix] = await Promise.all([getTranslations("ticketSettings.rules"), getLocale(), getRuleMatrix(db, actor, type.id)]);
  const rules = Object.fromEntries(
    Object.entries(matrix.rules).map(([key, r]) => [
      key,
      {
        invisible: r.invisible,
        invisibleInPortal: r.invisibleInPortal,
        required: r.required,
        readOnly: r.readOnly,
        requiredFromPrevious: r.requiredFromPrevious,
      },
    ]),
  );
  return (
    <>
      <TypeHeader type={type} current="rules" />
      <p className="mb-4 text-sm text-slate-600">{t("help")}</p>
      <RuleMatrixForm
        typeId={type.id}
        fields={matrix.fields.map((f) => ({ id: f.id, label: fieldLabel(f.labels, locale), active: f.active }))}
        stages={matrix.stages.map((s) => ({ id: s.id, name: s.name, responsible: s.responsible, active: s.active }))}
        rules={rules}
      />
    </>
  );
}
