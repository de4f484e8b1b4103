"use client";

// The profile page's "blocked ticket types": the types this profile's users may neither see nor open,
// grouped by ticket group.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import type { MessageRef } from "@/lib/forms/action-result";
import { saveProfileBlockedTypesAction } from "@/lib/profiles/actions";

interface Group {
  id: string;
  name: string;
  active: boolean;
  types: { id: string; name: string; active: boolean; blocked: boolean }[];
}

export function BlockedTypesForm({ profileId, groups }: { profileId: string; groups: Group[] }) {
  const t = useTranslations("ticketSettings.blockedTypes");
  const ts = useTranslations("ticketSettings");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const [blocked, setBlocked] = useState(() => new Set(groups.flatMap((g) => g.types.filter((ty) => ty.blocked).map((ty) => ty.id))));
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ tone: "error" | "success"; message: MessageRef } | null>(null);

  const toggle = (id: string, on: boolean) =>
    setBlocked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      try {
        const r = await saveProfileBlockedTypesAction(profileId, { typeIds: [...blocked] });
        setResult(
          r.ok ? { tone: "success", message: r.message ?? { key: "common.saved" } } : { tone: "error", message: r.formError ?? { key: "common.genericError" } },
        );
      } catch {
        setResult({ tone: "error", message: { key: "common.genericError" } });
      }
    });
  };

  const withTypes = groups.filter((g) => g.types.length > 0);
  return (
    <form onSubmit={save} noValidate className="space-y-4" aria-label={t("title")}>
      <p className="text-sm text-slate-600">{t("help")}</p>
      {result ? <Alert tone={result.tone}>{errorText(result.message.key, result.message.values)}</Alert> : null}
      {withTypes.length === 0 ? <p className="text-sm text-slate-600">{t("noTypes")}</p> : null}
      {withTypes.map((g) => (
        <fieldset key={g.id} className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{g.active ? g.name : ts("inactiveName", { name: g.name })}</legend>
          {g.types.map((ty) => (
            <CheckboxField
              key={ty.id}
              label={ty.active ? ty.name : ts("inactiveName", { name: ty.name })}
              name="typeIds"
              value={ty.id}
              checked={blocked.has(ty.id)}
              onChange={(e) => toggle(ty.id, e.target.checked)}
            />
          ))}
        </fieldset>
      ))}
      {withTypes.length > 0 ? (
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? tc("saving") : t("save")}
        </Button>
      ) : null}
    </form>
  );
}
