"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { ProofOfWorkStatus, useProofOfWork } from "@/components/security/proof-of-work";
import { Alert } from "@/components/ui/alert";
import { ConsentFields, type ShownNotice } from "@/components/privacy/consent-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { registerPubliclyAction } from "@/lib/events/public-actions";
import { publicRegistrationSchema, type PublicRegistrationInput, type Question } from "@/lib/events/schemas";
import type { NationalIdSetting } from "@/lib/settings/national-id-schema";
import { QuestionnaireFields } from "./questionnaire-fields";

/**
 * `nationalId`: the installation's setting; with "none" the form asks for no national id at all.
 * `notice`: the privacy notice in force for the visitor's language, which they must accept; null when none.
 */
export function PublicRegisterForm({
  slug,
  questions,
  nationalId,
  notice,
}: {
  slug: string;
  questions: Question[];
  nationalId: NationalIdSetting;
  notice: ShownNotice | null;
}) {
  const t = useTranslations("events.public");
  const errorText = useErrorText();
  const form = useForm<PublicRegistrationInput>({
    resolver: zodResolver(publicRegistrationSchema),
    // Consents start unticked: the person ticks them, nobody does it for them.
    defaultValues: {
      name: "",
      email: "",
      cpf: "",
      answers: {},
      website: "",
      privacyNoticeId: notice?.id ?? "",
      acceptPrivacyNotice: false,
      marketingConsent: false,
    },
  });
  const t2 = useTranslations("security.pow");
  // Solved while the person types; the submission waits for it if need be.
  const pow = useProofOfWork("public-registration");
  const { onSubmit, pending, formError } = useActionForm(form, async (values) => registerPubliclyAction(slug, await pow.take(), values));
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      <TextField label={t("name")} autoComplete="name" error={errorText(errors.name?.message)} {...form.register("name")} />
      <TextField label={t("email")} type="email" autoComplete="email" error={errorText(errors.email?.message)} {...form.register("email")} />
      {nationalId.mode === "cpf" ? (
        <TextField
          label={t("cpf")}
          inputMode="numeric"
          placeholder="000.000.000-00"
          help={t("cpfHelp")}
          error={errorText(errors.cpf?.message)}
          {...form.register("cpf")}
        />
      ) : nationalId.mode === "other" ? (
        <TextField
          label={t("nationalIdOptional", { label: nationalId.label })}
          autoComplete="off"
          help={t("nationalIdHelp")}
          error={errorText(errors.cpf?.message)}
          {...form.register("cpf")}
        />
      ) : null}
      {/* Honeypot: hidden from people and assistive technology; bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">Website</label>
        <input id="website" tabIndex={-1} autoComplete="off" {...form.register("website")} />
      </div>
      {questions.length > 0 ? <QuestionnaireFields questions={questions} form={form} /> : null}
      <ConsentFields
        notice={notice}
        accept={form.register("acceptPrivacyNotice")}
        marketing={form.register("marketingConsent")}
        acceptError={errorText(errors.acceptPrivacyNotice?.message)}
      />
      <ProofOfWorkStatus status={pow.status} percent={pow.percent} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? (pow.waiting ? t2("waiting") : t("registering")) : t("register")}
      </Button>
    </form>
  );
}
