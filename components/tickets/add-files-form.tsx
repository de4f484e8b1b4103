"use client";

// "Add files" without a message (attaching stays possible while the ticket
// waits for staff). Staff screens may mark the files internal.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import type { ActionResult, MessageRef } from "@/lib/forms/action-result";
import { FileUploader, type UploadedFileRef } from "@/components/threads/file-uploader";
import { MAX_FILES_PER_MESSAGE, type AttachInput } from "@/lib/tickets/schemas";

export function AddFilesForm({
  action,
  maxMb,
  allowInternal = false,
}: {
  action: (input: AttachInput) => Promise<ActionResult>;
  maxMb: number;
  allowInternal?: boolean;
}) {
  const t = useTranslations("tickets.files");
  const errorText = useErrorText();
  const [files, setFiles] = useState<UploadedFileRef[]>([]);
  const [internal, setInternal] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ error?: MessageRef; fieldError?: string; message?: MessageRef } | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    if (files.length === 0) return setOutcome({ fieldError: "validation.required" });
    startTransition(async () => {
      try {
        const result = await action({ fileIds: files.map((f) => f.id), internal: allowInternal && internal });
        if (result.ok) {
          setFiles([]);
          setInternal(false);
          return setOutcome({ message: result.message ?? { key: "tickets.files.added" } });
        }
        setOutcome({ error: result.formError ?? { key: "common.genericError" }, fieldError: result.fieldErrors?.fileIds });
      } catch {
        setOutcome({ error: { key: "common.genericError" } });
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3 border-t border-slate-200 pt-4" aria-label={t("addTitle")}>
      {outcome?.error ? <Alert tone="error">{errorText(outcome.error.key, outcome.error.values)}</Alert> : null}
      {outcome?.message ? <Alert tone="success">{errorText(outcome.message.key, outcome.message.values)}</Alert> : null}
      <FileUploader
        value={files}
        onChange={setFiles}
        maxMb={maxMb}
        max={MAX_FILES_PER_MESSAGE}
        onBusyChange={setUploading}
        label={t("addLabel")}
        error={errorText(outcome?.fieldError)}
      />
      {allowInternal ? <CheckboxField label={t("markInternal")} checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} /> : null}
      <Button type="submit" variant="secondary" disabled={pending || uploading} aria-busy={pending}>
        {pending ? t("adding") : t("add")}
      </Button>
    </form>
  );
}
