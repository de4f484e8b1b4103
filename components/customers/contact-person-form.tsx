"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { addContactPersonAction } from "@/lib/customers/actions";
import { contactPersonSchema, type ContactPersonInput } from "@/lib/customers/schemas";

const empty: ContactPersonInput = { name: "", email: "", phone: "", userEmail: "" };

/** Adds a contact person to a customer; the form empties itself after each addition. */
export function ContactPersonForm({ customerId }: { customerId: string }) {
  const t = useTranslations("customers");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<ContactPersonInput>({ resolver: zodResolver(contactPersonSchema), defaultValues: empty });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await addContactPersonAction(customerId, values);
    if (result.ok) form.reset(empty);
    return result;
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("addContact")}>
      <FormFeedback formError={formError} message={message} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message)} {...form.register("name")} />
        <TextField label={tc("email")} type="email" autoComplete="off" error={errorText(errors.email?.message, { max: 254 })} {...form.register("email")} />
        <TextField label={tc("phone")} type="tel" autoComplete="off" error={errorText(errors.phone?.message, { max: 40 })} {...form.register("phone")} />
        <TextField
          label={t("contactUser")}
          type="email"
          autoComplete="off"
          help={t("contactUserHelp")}
          error={errorText(errors.userEmail?.message, { max: 254 })}
          {...form.register("userEmail")}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : t("addContact")}
      </Button>
    </form>
  );
}
