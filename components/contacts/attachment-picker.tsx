"use client";

// Evidence files for a contact message: each chosen file is uploaded
// at once through POST /api/files; the form then sends only the upload ids
// (onChange), which the server attaches with claimUploads (the sender's own
// uploads only). The form empties it by changing its `key`.
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import type { MessageRef } from "@/lib/forms/action-result";
import { MAX_ATTACHMENTS } from "@/lib/contacts/schemas";

interface PickedFile {
  id: string;
  fileName: string;
}

export function AttachmentPicker({ onChange, maxMb, error, onBusy }: { onChange: (fileIds: string[]) => void; maxMb: number; error?: string; onBusy: (busy: boolean) => void }) {
  const t = useTranslations("contacts");
  const errorText = useErrorText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<MessageRef | null>(null);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const update = (next: PickedFile[]) => {
    setFiles(next);
    onChange(next.map((f) => f.id));
  };

  const upload = async (file: File) => {
    setUploadError(null);
    setUploading(true);
    onBusy(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/files", { method: "POST", body }).catch(() => null);
      const json = (await response?.json().catch(() => null)) as { id?: string; fileName?: string; error?: string } | null;
      if (!response?.ok || !json?.id) return setUploadError({ key: json?.error ?? "common.genericError", values: { maxMb } });
      update([...files, { id: json.id, fileName: json.fileName ?? file.name }]);
    } finally {
      setUploading(false);
      onBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  const shown = uploadError ? errorText(uploadError.key, uploadError.values) : error;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("attachments")}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        disabled={uploading || files.length >= MAX_ATTACHMENTS}
        aria-describedby={`${id}-help`}
        aria-invalid={shown ? true : undefined}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void upload(file);
        }}
        className="mt-1 block text-sm"
      />
      <p id={`${id}-help`} className="mt-1 text-xs text-slate-600">
        {uploading ? t("uploading") : t("attachmentsHelp", { maxMb, max: MAX_ATTACHMENTS })}
      </p>
      {shown ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {shown}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {files.map((f) => (
            <li key={f.id} className="flex items-center gap-2">
              <span>{f.fileName}</span>
              <button type="button" className="text-indigo-700 underline" onClick={() => update(files.filter((x) => x.id !== f.id))}>
                {t("removeFile", { name: f.fileName })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
