"use client";

// The "New contact" form. It follows the module in force: Central asks
// for a sub-classification of the chosen classification (the select lists only
// that classification's), CRM for a contact channel.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { FileUploader, type UploadedFileRef } from "@/components/threads/file-uploader";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { createContactAction } from "@/lib/contacts/actions";
import { MAX_ATTACHMENTS, MAX_MESSAGE_LENGTH, newContactSchema, type NewContactInput } from "@/lib/contacts/schemas";
import type { ContactModule } from "@/lib/generated/prisma/enums";

interface Option {
  id: string;
  name: string;
}

export interface NewContactFormProps {
  module: ContactModule;
  companies: Option[];
  classifications: (Option & { subclassifications: Option[] })[];
  channels: Option[];
  defaults: { contactName: string; email: string };
  maxMb: number;
}

const resolver = schemaResolver<NewContactInput>(newContactSchema);

export function NewContactForm({ module, companies, classifications, channels, defaults, maxMb }: NewContactFormProps) {
  const t = useTranslations("contacts");
  const errorText = useErrorText();
  const [uploading, setUploading] = useState(false);
  const [files, setFiles] = useState<UploadedFileRef[]>([]);
  const form = useForm<NewContactInput>({
    resolver,
    defaultValues: {
      module,
      customerId: companies.length === 1 ? companies[0].id : "",
      classificationId: "",
      subclassificationId: "",
      channelId: "",
      contactName: defaults.contactName,
      phone: "",
      email: defaults.email,
      message: "",
      fileIds: [],
    },
  });
  const { onSubmit, pending, formError } = useActionForm(form, (values) => createContactAction(values));
  const { errors } = form.formState;
  const classificationId = useWatch({ control: form.control, name: "classificationId" });
  const subclassifications = classifications.find((c) => c.id === classificationId)?.subclassifications ?? [];
  const classificationField = form.register("classificationId");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      {companies.length > 1 ? (
        <SelectField label={t("company")} error={errorText(errors.customerId?.message)} {...form.register("customerId")}>
          <option value="">{t("chooseCompany")}</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label={t("classification")}
          error={errorText(errors.classificationId?.message)}
          {...classificationField}
          onChange={(e) => {
            // A sub-classification belongs to one classification: choose again.
            form.setValue("subclassificationId", "");
            return classificationField.onChange(e);
          }}
        >
          <option value="">{t("chooseClassification")}</option>
          {classifications.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        {module === "CENTRAL" ? (
          <SelectField
            label={t("subclassification")}
            disabled={!classificationId}
            error={errorText(errors.subclassificationId?.message)}
            {...form.register("subclassificationId")}
          >
            <option value="">{classificationId ? t("chooseSubclassification") : t("chooseClassificationFirst")}</option>
            {subclassifications.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <SelectField label={t("channel")} error={errorText(errors.channelId?.message)} {...form.register("channelId")}>
            <option value="">{t("chooseChannel")}</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <TextField
          label={t("contactName")}
          autoComplete="name"
          error={errorText(errors.contactName?.message, { max: 200 })}
          {...form.register("contactName")}
        />
        <TextField label={t("phone")} type="tel" autoComplete="tel" error={errorText(errors.phone?.message)} {...form.register("phone")} />
        <TextField label={t("email")} type="email" autoComplete="email" error={errorText(errors.email?.message, { max: 254 })} {...form.register("email")} />
      </div>
      <TextAreaField label={t("message")} rows={6} error={errorText(errors.message?.message, { max: MAX_MESSAGE_LENGTH })} {...form.register("message")} />
      <FileUploader
        value={files}
        onChange={(next) => {
          setFiles(next);
          form.setValue(
            "fileIds",
            next.map((f) => f.id),
          );
        }}
        maxMb={maxMb}
        max={MAX_ATTACHMENTS}
        onBusyChange={setUploading}
        label={t("attachments")}
        help={t("attachmentsHelp", { maxMb, max: MAX_ATTACHMENTS })}
        error={errorText(errors.fileIds?.message, { max: MAX_ATTACHMENTS })}
      />
      <Button type="submit" disabled={pending || uploading} aria-busy={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
