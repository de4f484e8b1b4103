"use client";

// "Open" a guest request into a ticket: the group narrows the types
// offered; only active types are listed (the server checks again).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { openGuestRequestAction } from "@/lib/guests/actions";
import { openGuestRequestSchema, type OpenGuestRequestInput } from "@/lib/guests/schemas";

export interface OpenRequestGroup {
  id: string;
  name: string;
  types: { id: string; name: string }[];
}

export function OpenGuestRequestForm({ id, groups }: { id: string; groups: OpenRequestGroup[] }) {
  const t = useTranslations("guests.detail");
  const errorText = useErrorText();
  const form = useForm<OpenGuestRequestInput>({
    resolver: zodResolver(openGuestRequestSchema),
    defaultValues: { groupId: groups.length === 1 ? groups[0].id : "", typeId: "" },
  });
  const { onSubmit, pending, formError } = useActionForm(form, (values) => openGuestRequestAction(id, values));
  const groupId = useWatch({ control: form.control, name: "groupId" });
  const types = groups.find((g) => g.id === groupId)?.types ?? [];
  const { errors } = form.formState;
  if (groups.length === 0) return <p className="text-sm text-slate-700">{t("noTypes")}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      <SelectField label={t("group")} error={errorText(errors.groupId?.message)} {...form.register("groupId", { onChange: () => form.setValue("typeId", "") })}>
        <option value="">{t("chooseGroup")}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("type")} error={errorText(errors.typeId?.message)} disabled={types.length === 0} {...form.register("typeId")}>
        <option value="">{t("chooseType")}</option>
        {types.map((type) => (
          <option key={type.id} value={type.id}>
            {type.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("opening") : t("open")}
      </Button>
    </form>
  );
}
