"use client";

// "Send me my link again" on the public event page, for public registrants who
// lost the confirmation e-mail. Closed by default, and the form exists only
// once opened: the proof of work starts only when someone asks, not for every
// visitor, and the sign-up form stays the page's only e-mail field until then.
// The answer is the same whether or not the address is registered.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { ProofOfWorkStatus, useProofOfWork } from "@/components/security/proof-of-work";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { resendPrivateLinkAction } from "@/lib/events/public-actions";
import { registrationLinkSchema, type RegistrationLinkInput } from "@/lib/events/resend-link-schema";

export function ResendLinkForm({ slug }: { slug: string }) {
  const t = useTranslations("events.public");
  const t2 = useTranslations("security.pow");
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const form = useForm<RegistrationLinkInput>({ resolver: zodResolver(registrationLinkSchema), defaultValues: { email: "", website: "" } });
  const pow = useProofOfWork("registration-link", open);
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => resendPrivateLinkAction(slug, await pow.take(), values));
  return (
    <details className="rounded-md border border-slate-200 p-4" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-indigo-700">{t("lostLink")}</summary>
      {open ? (
        <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={t("lostLink")}>
          <p className="text-sm text-slate-600">{t("lostLinkHelp")}</p>
          <FormFeedback formError={formError} message={message} />
          <TextField label={t("email")} type="email" autoComplete="email" error={errorText(form.formState.errors.email?.message)} {...form.register("email")} />
          {/* Honeypot: hidden from people and assistive technology; bots fill it. */}
          <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
            <label htmlFor="resend-website">Website</label>
            <input id="resend-website" tabIndex={-1} autoComplete="off" {...form.register("website")} />
          </div>
          <ProofOfWorkStatus status={pow.status} percent={pow.percent} />
          <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
            {pending ? (pow.waiting ? t2("waiting") : t("sendingLink")) : t("sendLink")}
          </Button>
        </form>
      ) : null}
    </details>
  );
}
