"use client";

// Who attends the ticket: any active staff member, nobody, or "Assign to me".
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";
import { assignSchema, type AssignInput } from "@/lib/tickets/schemas";

interface AssignFormProps {
  assigneeId: string | null;
  /** The signed-in staff member, for "Assign to me". */
  meId: string;
  staff: { id: string; name: string }[];
  action: (input: AssignInput) => Promise<ActionResult>;
}

export function AssignForm({ assigneeId, meId, staff, action }: AssignFormProps) {
  const t = useTranslations("tickets.staff");
  const ts = useTranslations("tickets.summary");
  const errorText = useErrorText();
  const form = useForm<{ assigneeId: string }>({ resolver: zodResolver(assignSchema) as never, defaultValues: { assigneeId: assigneeId ?? "" } });
  const { onSubmit, pending, formError, message } = useActionForm(form, action);
  const assignToMe = () => {
    form.setValue("assigneeId", meId);
    void onSubmit();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("assignment")}>
      <FormFeedback formError={formError} message={message} />
      <SelectField id="ticket-assignee" label={ts("assignee")} error={errorText(form.formState.errors.assigneeId?.message)} {...form.register("assigneeId")}>
        <option value="">{ts("unassigned")}</option>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
          {t("assign")}
        </Button>
        {assigneeId !== meId ? (
          <Button variant="ghost" onClick={assignToMe} disabled={pending}>
            {t("assignToMe")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
