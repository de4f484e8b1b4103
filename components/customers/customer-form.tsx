"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { createCustomerAction, updateCustomerAction } from "@/lib/customers/actions";
import { customerSchema, type CustomerInput } from "@/lib/customers/schemas";
import { CustomerKind } from "@/lib/generated/prisma/enums";

/**
 * Creates a customer record, or edits the one of `customerId`. `documentFromUser`:
 * the record is a person's own, whose national id is their user's (shown here,
 * changed on their profile).
 */
export function CustomerForm({ customerId, defaults, documentFromUser = false }: { customerId?: string; defaults: CustomerInput; documentFromUser?: boolean }) {
  const t = useTranslations("customers");
  const tc = useTranslations("common");
  const tk = useTranslations("customerKinds");
  const errorText = useErrorText();
  const form = useForm<CustomerInput>({ resolver: zodResolver(customerSchema), defaultValues: defaults, values: customerId ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) =>
    customerId ? updateCustomerAction(customerId, values) : createCustomerAction(values),
  );
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("kind")} error={errorText(errors.kind?.message)} {...form.register("kind")}>
          {Object.values(CustomerKind).map((kind) => (
            <option key={kind} value={kind}>
              {tk(kind)}
            </option>
          ))}
        </SelectField>
        <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message)} {...form.register("name")} />
        <TextField
          label={t("document")}
          autoComplete="off"
          help={documentFromUser ? t("documentFromUser") : undefined}
          error={errorText(errors.document?.message, { max: 40 })}
          {...form.register("document")}
        />
        <TextField label={tc("email")} type="email" autoComplete="off" error={errorText(errors.email?.message, { max: 254 })} {...form.register("email")} />
        <TextField label={tc("phone")} type="tel" autoComplete="off" error={errorText(errors.phone?.message, { max: 40 })} {...form.register("phone")} />
        <TextField
          label={t("linkedUser")}
          type="email"
          autoComplete="off"
          help={t("linkedUserHelp")}
          error={errorText(errors.userEmail?.message, { max: 254 })}
          {...form.register("userEmail")}
        />
      </div>
      <CheckboxField label={t("active")} {...form.register("active")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : customerId ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
