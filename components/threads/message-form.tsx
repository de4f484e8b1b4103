"use client";

// A new message in a thread: text and files, for a ticket's discussion and a
// contact's thread alike. The owner's form passes its server action (bound to
// the record), the action's own zod schema (checked here before sending, and
// again on the server), its limits and its words. Staff screens may offer the
// "internal note" box (never shown to the client; the domain refuses it from
// clients anyway).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import { FormFeedback } from "@/components/forms/form-feedback";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextAreaField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";
import { FileUploader, type UploadedFileRef } from "./file-uploader";

/** What the form sends; `internal` only when the box is offered. */
export interface ThreadMessageInput {
  body: string;
  fileIds: string[];
  internal?: boolean;
}

interface MessageFormLabels {
  /** The form's accessible name, when the page has several forms. */
  form?: string;
  body: string;
  files: string;
  /** The line under the files field. */
  filesHelp?: string;
  /** The internal note box; offered only with this label. */
  internalNote?: string;
  submit: string;
  sending: string;
}

/** What the owner's server action enforces: its schema and the limits the form shows. */
export interface MessageRules {
  schema: z.ZodType<unknown, FieldValues>;
  maxLength: number;
  maxFiles: number;
}

interface MessageFormProps {
  action: (input: ThreadMessageInput) => Promise<ActionResult>;
  rules: MessageRules;
  labels: MessageFormLabels;
  maxMb: number;
}

interface Values {
  body: string;
  internal: boolean;
}

export function MessageForm({ action, rules: { schema, maxLength, maxFiles }, labels, maxMb }: MessageFormProps) {
  const errorText = useErrorText();
  const router = useRouter();
  const [files, setFiles] = useState<UploadedFileRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const allowInternal = labels.internalNote !== undefined;
  const toInput = (v: Values): ThreadMessageInput => ({ body: v.body, fileIds: files.map((f) => f.id), ...(allowInternal ? { internal: v.internal } : {}) });
  const form = useForm<Values>({ resolver: schemaResolver(schema, toInput), defaultValues: { body: "", internal: false } });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await action(toInput(values));
    if (result.ok) {
      form.reset({ body: "", internal: false });
      setFiles([]);
      router.refresh();
    }
    return result;
  });
  const { errors } = form.formState;
  const fileError = (errors as Record<string, { message?: string } | undefined>).fileIds?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={labels.form}>
      <FormFeedback formError={formError} message={message} />
      <TextAreaField
        label={labels.body}
        rows={5}
        maxLength={maxLength}
        error={errorText(errors.body?.message, { max: maxLength })}
        {...form.register("body")}
      />
      <FileUploader
        value={files}
        onChange={setFiles}
        maxMb={maxMb}
        max={maxFiles}
        onBusyChange={setUploading}
        label={labels.files}
        help={labels.filesHelp}
        error={errorText(fileError, { max: maxFiles })}
      />
      {allowInternal ? <CheckboxField label={labels.internalNote} {...form.register("internal")} /> : null}
      <Button type="submit" disabled={pending || uploading} aria-busy={pending}>
        {pending ? labels.sending : labels.submit}
      </Button>
    </form>
  );
}
