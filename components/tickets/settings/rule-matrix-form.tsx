"use client";

// The field-rule matrix of a type: one row per parameter, one
// column per stage, and in each cell the five independent flags. "Invisible in
// the portal" is its own checkbox, independent of "invisible" (a field
// can be hidden from clients only). Impossible combinations are flagged at once and refused by
// the server. Many stages make it wider than the page: it scrolls on its own,
// with the parameter's name pinned on the left so every row stays readable.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { MessageRef } from "@/lib/forms/action-result";
import type { StageResponsible } from "@/lib/generated/prisma/enums";
import { saveRuleMatrixAction } from "@/lib/tickets/settings/field-actions";
import { cellKey, ruleCellError } from "@/lib/tickets/settings/rule-checks";
import { ruleFlags, type RuleFlag } from "@/lib/tickets/settings/schemas";

type Flags = Record<RuleFlag, boolean>;
const noFlags: Flags = { invisible: false, invisibleInPortal: false, required: false, readOnly: false, requiredFromPrevious: false };

interface MatrixProps {
  typeId: string;
  fields: { id: string; label: string; active: boolean }[];
  stages: { id: string; name: string; responsible: StageResponsible; active: boolean }[];
  rules: Record<string, Partial<Flags>>;
}

export function RuleMatrixForm({ typeId, fields, stages, rules }: MatrixProps) {
  const t = useTranslations("ticketSettings.rules");
  const ts = useTranslations("ticketSettings");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const [cells, setCells] = useState<Record<string, Flags>>(() =>
    Object.fromEntries(
      fields.flatMap((f) =>
        stages.map((s) => {
          const key = cellKey(f.id, s.id);
          return [key, { ...noFlags, ...pick(rules[key]) }];
        }),
      ),
    ),
  );
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ tone: "error" | "success"; message: MessageRef } | null>(null);
  const [pending, startTransition] = useTransition();

  const set = (key: string, flag: RuleFlag, value: boolean) => {
    setCells((current) => ({ ...current, [key]: { ...current[key], [flag]: value } }));
    setServerErrors((current) => {
      const next = { ...current };
      delete next[key];
      return next;
    });
  };
  const cellError = (fieldId: string, stage: MatrixProps["stages"][number]) => {
    const key = cellKey(fieldId, stage.id);
    return ruleCellError(cells[key], stage.responsible) ?? serverErrors[key] ?? null;
  };
  const hasErrors = fields.some((f) => stages.some((s) => cellError(f.id, s)));

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setResult(null);
    startTransition(async () => {
      try {
        const payload = fields.flatMap((f) => stages.map((s) => ({ fieldId: f.id, stageId: s.id, ...cells[cellKey(f.id, s.id)] })));
        const r = await saveRuleMatrixAction(typeId, { cells: payload });
        if (r.ok) {
          setServerErrors({});
          setResult({ tone: "success", message: r.message ?? { key: "common.saved" } });
        } else {
          setServerErrors(r.fieldErrors ?? {});
          setResult({ tone: "error", message: r.formError ?? { key: "common.genericError" } });
        }
      } catch {
        setResult({ tone: "error", message: { key: "common.genericError" } });
      }
    });
  };

  if (fields.length === 0 || stages.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <form onSubmit={save} noValidate className="space-y-4" aria-label={t("title")}>
      <dl className="grid gap-1 text-xs text-slate-700 sm:grid-cols-2">
        {ruleFlags.map((flag) => (
          <div key={flag}>
            <dt className="inline font-medium">{t(`flags.${flag}`)}:</dt> <dd className="inline">{t(`flagHelp.${flag}`)}</dd>
          </div>
        ))}
      </dl>
      {result ? <Alert tone={result.tone}>{errorText(result.message.key, result.message.values)}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left font-medium text-slate-700 shadow-[1px_0_0_var(--color-slate-200)]">
                {t("field")}
              </th>
              {stages.map((s) => (
                <th key={s.id} scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                  {s.name}
                  <span className="block text-xs font-normal text-slate-600">
                    {ts(`responsible.${s.responsible}`)}
                    {s.active ? "" : ` · ${ts("archived")}`}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {fields.map((f) => (
              <tr key={f.id}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 w-32 max-w-48 min-w-32 bg-white px-3 py-2 text-left align-top font-medium break-words text-slate-800 shadow-[1px_0_0_var(--color-slate-200)] sm:w-auto"
                >
                  {f.label}
                  {f.active ? null : <span className="block text-xs font-normal text-slate-600">{tc("inactive")}</span>}
                </th>
                {stages.map((s) => {
                  const key = cellKey(f.id, s.id);
                  const error = cellError(f.id, s);
                  return (
                    <td key={s.id} className={`min-w-40 px-3 py-2 align-top ${error ? "bg-red-50" : ""}`} data-cell={`${f.label} / ${s.name}`}>
                      <div className="space-y-1">
                        {ruleFlags.map((flag) => (
                          <label key={flag} className="flex items-start gap-1 text-xs text-slate-800">
                            <input
                              type="checkbox"
                              className="h-4 w-4 shrink-0 rounded border-slate-300 text-indigo-700 focus:ring-indigo-600"
                              checked={cells[key][flag]}
                              onChange={(e) => set(key, flag, e.target.checked)}
                              aria-label={t("cellLabel", { flag: t(`flags.${flag}`), field: f.label, stage: s.name })}
                            />
                            <span aria-hidden="true">{t(`flags.${flag}`)}</span>
                          </label>
                        ))}
                      </div>
                      {error ? (
                        <p role="alert" className="mt-1 max-w-40 text-xs text-red-700">
                          {errorText(error)}
                        </p>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button type="submit" disabled={pending || hasErrors} aria-busy={pending}>
        {pending ? tc("saving") : t("save")}
      </Button>
    </form>
  );
}

function pick(rule: Partial<Flags> | undefined): Partial<Flags> {
  if (!rule) return {};
  return Object.fromEntries(ruleFlags.map((f) => [f, rule[f] === true]));
}
