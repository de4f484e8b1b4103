"use client";

// The portal's new ticket: the customer record
// (when the user reaches several), group then type, subject, description, the
// type's parameters as its first stage shows them, attachments, and the
// "Save/Request" hand-over with condition and reason. Once a type is chosen,
// every rule of its opening stage is checked in the browser with the schema
// the server parses with (lib/tickets/opening-rules.ts), so a missing or
// invalid parameter is shown on its field before anything is sent; the
// parameters the chosen next stage needs are marked * as well. Server errors
// land on their fields the same way; nothing typed is lost.
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { FileUploader, type UploadedFileRef } from "@/components/threads/file-uploader";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";
import type { NewTicketOptions } from "@/lib/tickets/new-ticket-options";
import { newTicketSchemaFor, requiredWhenOpening } from "@/lib/tickets/opening-rules";
import { MAX_FILES_PER_MESSAGE, newTicketSchema, SUBJECT_MAX, TEXT_MAX, type NewTicketInput } from "@/lib/tickets/schemas";
import { editableValues, fieldFormDefaults, type FieldFormValues } from "./field-form-values";
import { RequiredMark, TicketFieldInputs } from "./ticket-fields";
import { initialForwardChoice } from "./transition-choice";
import { TransitionFields } from "./transition-fields";

interface NewTicketFormValues {
  customerId: string;
  groupId: string;
  typeId: string;
  subject: string;
  description: string;
  values: FieldFormValues;
  toStageId: string;
  conditionId: string;
  reason: string;
}

const onlyOne = <T extends { id: string }>(list: T[]) => (list.length === 1 ? list[0].id : "");

export function NewTicketForm({
  customers,
  groups,
  action,
  maxMb,
}: Pick<NewTicketOptions, "customers" | "groups"> & { action: (input: NewTicketInput) => Promise<ActionResult>; maxMb: number }) {
  const t = useTranslations("tickets.portal.new");
  const tf = useTranslations("tickets.forward");
  const errorText = useErrorText();
  const [files, setFiles] = useState<UploadedFileRef[]>([]);
  const [uploading, setUploading] = useState(false);

  const typeOf = (groupId: string, typeId: string) => groups.find((g) => g.id === groupId)?.types.find((x) => x.id === typeId);
  const startFor = (groupId: string, typeId: string) => {
    const type = typeOf(groupId, typeId);
    return { values: type ? fieldFormDefaults(type.fields) : {}, ...initialForwardChoice(type?.transitions ?? []) };
  };
  const toInput = (v: NewTicketFormValues): NewTicketInput => ({
    customerId: v.customerId,
    typeId: v.typeId,
    subject: v.subject,
    description: v.description,
    values: editableValues(typeOf(v.groupId, v.typeId)?.fields ?? [], v.values),
    fileIds: files.map((f) => f.id),
    toStageId: v.toStageId,
    conditionId: v.conditionId,
    reason: v.reason,
  });

  // One schema per type, built from the rules the server checks; before a type is chosen, the common fields only.
  const schemas = useMemo(() => new Map(groups.flatMap((g) => g.types.map((x) => [x.id, newTicketSchemaFor(x.rules)] as const))), [groups]);
  const resolver: Resolver<NewTicketFormValues> = (values, context, options) => {
    const schema = typeOf(values.groupId, values.typeId) ? (schemas.get(values.typeId) ?? newTicketSchema) : newTicketSchema;
    return schemaResolver(schema, toInput)(values, context, options);
  };

  const initialGroup = onlyOne(groups);
  const initialType = onlyOne(groups.find((g) => g.id === initialGroup)?.types ?? []);
  const form = useForm<NewTicketFormValues>({
    resolver,
    defaultValues: {
      customerId: onlyOne(customers),
      groupId: initialGroup,
      typeId: initialType,
      subject: "",
      description: "",
      reason: "",
      ...startFor(initialGroup, initialType),
    },
  });
  const { onSubmit, pending, formError } = useActionForm(form, (v) => action(toInput(v)));
  const { errors } = form.formState;
  const [groupId, typeId, toStageId] = useWatch({ control: form.control, name: ["groupId", "typeId", "toStageId"] });
  const group = groups.find((g) => g.id === groupId);
  const type = typeOf(groupId, typeId);
  // Required to leave the opening stage, or to enter the next stage chosen below.
  const fields = useMemo(() => (type ? type.fields.map((f) => ({ ...f, required: requiredWhenOpening(type.rules, f.id, toStageId) })) : []), [type, toStageId]);
  const required = (label: string) => (
    <>
      {label}
      <RequiredMark />
    </>
  );

  const chooseType = (nextGroup: string, nextType: string) => {
    form.setValue("typeId", nextType);
    const start = startFor(nextGroup, nextType);
    form.setValue("values", start.values);
    form.setValue("toStageId", start.toStageId);
    form.setValue("conditionId", start.conditionId);
    form.clearErrors(["typeId", "values", "toStageId", "conditionId"]);
  };
  const groupField = form.register("groupId");
  const typeField = form.register("typeId");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      <p className="text-sm text-slate-600">{t("requiredLegend")}</p>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-medium text-slate-900">{t("what")}</legend>
        {customers.length > 1 ? (
          <SelectField label={required(t("customer"))} aria-required error={errorText(errors.customerId?.message)} {...form.register("customerId")}>
            <option value="">{t("chooseCustomer")}</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="text-sm text-slate-700">{t("forCustomer", { name: customers[0]?.name ?? "" })}</p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={required(t("group"))}
            aria-required
            {...groupField}
            onChange={async (e) => {
              await groupField.onChange(e);
              const next = groups.find((g) => g.id === e.target.value);
              chooseType(e.target.value, onlyOne(next?.types ?? []));
            }}
          >
            <option value="">{t("chooseGroup")}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={required(t("type"))}
            aria-required
            disabled={!group}
            error={errorText(errors.typeId?.message)}
            {...typeField}
            onChange={(e) => chooseType(groupId, e.target.value)}
          >
            <option value="">{group ? t("chooseType") : t("chooseGroupFirst")}</option>
            {(group?.types ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          label={required(t("subject"))}
          aria-required
          maxLength={SUBJECT_MAX}
          error={errorText(errors.subject?.message, { max: SUBJECT_MAX })}
          {...form.register("subject")}
        />
        <TextAreaField
          label={required(t("description"))}
          aria-required
          rows={6}
          maxLength={TEXT_MAX}
          error={errorText(errors.description?.message, { max: TEXT_MAX })}
          {...form.register("description")}
        />
      </fieldset>

      {type && fields.length > 0 ? (
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-medium text-slate-900">{t("parameters")}</legend>
          <TicketFieldInputs key={type.id} fields={fields} form={form} />
        </fieldset>
      ) : null}

      <FileUploader
        value={files}
        onChange={setFiles}
        maxMb={maxMb}
        max={MAX_FILES_PER_MESSAGE}
        onBusyChange={setUploading}
        error={errorText((errors as Record<string, { message?: string } | undefined>).fileIds?.message)}
      />

      {type ? (
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-medium text-slate-900">{tf("handOver")}</legend>
          <TransitionFields key={type.id} transitions={type.transitions} form={form} markRequired />
        </fieldset>
      ) : null}

      <Button type="submit" disabled={pending || uploading} aria-busy={pending}>
        {pending ? tf("sending") : tf("submit")}
      </Button>
    </form>
  );
}
