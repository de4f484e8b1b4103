"use client";

// Uploads an image through POST /api/files, then attaches it to the event.
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setEventArtworkAction } from "@/lib/events/event-actions";
import type { MessageRef } from "@/lib/forms/action-result";

export function ArtworkUpload({ eventId, hasArtwork, maxMb }: { eventId: string; hasArtwork: boolean; maxMb: number }) {
  const t = useTranslations("events.admin");
  const errorText = useErrorText();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<MessageRef | null>(null);
  const [file, setFile] = useState<File | null>(null);

  const upload = () =>
    startTransition(async () => {
      setError(null);
      if (!file) return setError({ key: "validation.required" });
      if (!file.type.startsWith("image/")) return setError({ key: "events.errors.artworkNotImage" });
      const body = new FormData();
      body.set("file", file);
      // Marks the upload as artwork: only such files can be published with the event.
      body.set("purpose", "eventArtwork");
      const response = await fetch("/api/files", { method: "POST", body }).catch(() => null);
      const json = (await response?.json().catch(() => null)) as { id?: string; error?: string } | null;
      if (!response?.ok || !json?.id) return setError({ key: json?.error ?? "common.genericError", values: { maxMb } });
      const result = await setEventArtworkAction(eventId, json.id);
      if (!result.ok) setError(result.formError ?? { key: "common.genericError" });
      else setFile(null);
    });
  const remove = () =>
    startTransition(async () => {
      const result = await setEventArtworkAction(eventId, null);
      if (!result.ok) setError(result.formError ?? { key: "common.genericError" });
    });

  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{errorText(error.key, error.values)}</Alert> : null}
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("artworkFile")}
      </label>
      <input id={id} type="file" accept="image/*" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} className="block text-sm" />
      <div className="flex gap-2">
        <Button onClick={upload} disabled={pending || !file} aria-busy={pending}>
          {t("uploadArtwork")}
        </Button>
        {hasArtwork ? (
          <Button variant="secondary" onClick={remove} disabled={pending}>
            {t("removeArtwork")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
