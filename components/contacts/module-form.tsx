"use client";

// The general parameter that says whether "Contact us" works with module
// Central or CRM. Admins only (the server checks again).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { setContactModuleAction } from "@/lib/contacts/settings-actions";
import { contactModuleSchema, type ContactModuleInput } from "@/lib/contacts/schemas";
import { ContactModule } from "@/lib/generated/prisma/enums";

export function ModuleForm({ current }: { current: ContactModule }) {
  const t = useTranslations("contacts");
  const tc = useTranslations("common");
  const form = useForm<ContactModuleInput>({ resolver: zodResolver(contactModuleSchema), defaultValues: { module: current }, values: { module: current } });
  const { onSubmit, pending, formError, message } = useActionForm(form, setContactModuleAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("settings.moduleTitle")}</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {Object.values(ContactModule).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" value={m} className="h-4 w-4 text-indigo-700 focus:ring-indigo-600" {...form.register("module")} />
              {t(`modules.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : t("settings.moduleSave")}
      </Button>
    </form>
  );
}
