"use client";

// The one upload client of the portal's forms (ticket and contact messages, new
// tickets and contacts, "add files"): each chosen file is uploaded at once
// through POST /api/files (with its progress), and the parent form later sends
// only the upload ids, which the domain attaches with claimUploads (the
// sender's own unattached uploads only). Failed uploads stay listed with their
// error until dismissed; every row has a remove button, so the list is
// keyboard-operable. Its own words live under tickets.files, where the client
// began; each form names the field and may explain it (`label`, `help`).
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { FieldError } from "@/components/ui/field";

export interface UploadedFileRef {
  id: string;
  fileName: string;
  size: number;
}

interface PendingUpload {
  key: string;
  fileName: string;
  progress: number;
  error?: { key: string; values?: Record<string, string | number> };
}

interface FileUploaderProps {
  /** Uploaded files (controlled by the parent, which sends their ids). */
  value: UploadedFileRef[];
  onChange: (files: UploadedFileRef[]) => void;
  maxMb: number;
  label?: string;
  /** The line under the field; by default the accepted types and the limits. */
  help?: string;
  /** Error of the form's fileIds field. */
  error?: string;
  disabled?: boolean;
  /** True while any upload runs, so the parent can hold its submit button. */
  onBusyChange?: (busy: boolean) => void;
  /** At most this many files (the form's schema says the same). */
  max: number;
}

type UploadResult = { ok: true; file: UploadedFileRef } | { ok: false; error: { key: string; values?: Record<string, string | number> } };

/** XMLHttpRequest rather than fetch: it reports upload progress. */
function uploadOne(file: File, onProgress: (fraction: number) => void, maxMb: number): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/files");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const json = (xhr.response ?? null) as { id?: string; fileName?: string; size?: number; error?: string } | null;
      if (xhr.status >= 200 && xhr.status < 300 && json?.id)
        resolve({ ok: true, file: { id: json.id, fileName: json.fileName ?? file.name, size: json.size ?? file.size } });
      else resolve({ ok: false, error: { key: json?.error ?? "common.genericError", values: { maxMb } } });
    };
    xhr.onerror = () => resolve({ ok: false, error: { key: "common.genericError" } });
    const body = new FormData();
    body.set("file", file);
    xhr.send(body);
  });
}

export function FileUploader({ value, onChange, maxMb, label, help, error, disabled = false, onBusyChange, max }: FileUploaderProps) {
  const t = useTranslations("tickets.files");
  const errorText = useErrorText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<PendingUpload[]>([]);
  // The latest list, for uploads that finish after other changes.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const uploading = pending.some((p) => !p.error);
  const room = max - value.length - pending.filter((p) => !p.error).length;

  const choose = async (files: File[]) => {
    if (input.current) input.current.value = "";
    const accepted = files.slice(0, Math.max(0, room));
    const refused = files
      .slice(accepted.length)
      .map((f) => ({ key: `${f.name}-${Math.random()}`, fileName: f.name, progress: 0, error: { key: "tickets.files.tooMany", values: { max } } }));
    const started = accepted.map((f) => ({ key: `${f.name}-${Math.random()}`, fileName: f.name, progress: 0 }));
    setPending((p) => [...p, ...started, ...refused]);
    if (started.length === 0) return;
    onBusyChange?.(true);
    // One at a time: the server reads each file whole into memory.
    for (const [i, file] of accepted.entries()) {
      const key = started[i].key;
      const result = await uploadOne(file, (fraction) => setPending((p) => p.map((x) => (x.key === key ? { ...x, progress: fraction } : x))), maxMb);
      if (result.ok) {
        setPending((p) => p.filter((x) => x.key !== key));
        latest.current = [...latest.current, result.file];
        onChange(latest.current);
      } else {
        setPending((p) => p.map((x) => (x.key === key ? { ...x, error: result.error } : x)));
      }
    }
    onBusyChange?.(false);
  };

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label ?? t("label")}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        disabled={disabled || room <= 0}
        aria-describedby={`${id}-help`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => void choose(Array.from(e.currentTarget.files ?? []))}
        className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
      />
      <p id={`${id}-help`} className="mt-1 text-xs text-slate-600">
        {help ?? t("help", { maxMb, max })}
      </p>
      <FieldError error={error} />
      <ul className="mt-2 space-y-1 text-sm" aria-live="polite" aria-label={t("listLabel")}>
        {value.map((f) => (
          <li key={f.id} className="flex flex-wrap items-center gap-2">
            <span className="break-all">{f.fileName}</span>
            <span className="text-slate-500">({t("size", { kb: Math.max(1, Math.round(f.size / 1024)) })})</span>
            <button
              type="button"
              className="rounded text-indigo-700 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
              disabled={disabled}
              onClick={() => onChange(value.filter((x) => x.id !== f.id))}
            >
              {t("remove", { name: f.fileName })}
            </button>
          </li>
        ))}
        {pending.map((p) => (
          <li key={p.key} className="flex flex-wrap items-center gap-2">
            <span className="break-all">{p.fileName}</span>
            {p.error ? (
              <>
                <span role="alert" className="text-red-700">
                  {errorText(p.error.key, p.error.values)}
                </span>
                <button
                  type="button"
                  className="rounded text-indigo-700 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
                  onClick={() => setPending((list) => list.filter((x) => x.key !== p.key))}
                >
                  {t("dismiss", { name: p.fileName })}
                </button>
              </>
            ) : (
              <>
                <progress className="h-2 w-32" max={100} value={Math.round(p.progress * 100)} aria-label={t("uploading", { name: p.fileName })} />
                <span className="text-slate-600">{Math.round(p.progress * 100)}%</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {uploading ? <p className="sr-only">{t("uploadingAny")}</p> : null}
    </div>
  );
}
