"use client";

// The shared guest link (admins copy the public link and share it): a
// selectable field, a copy button with a visible confirmation (the field stays
// as the fallback when the clipboard is unavailable), and regeneration behind a
// confirmation, after which the old link answers "not found".
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { regenerateGuestPortalLinkAction } from "@/lib/guests/actions";

export function GuestLinkPanel({ url }: { url: string }) {
  const t = useTranslations("guests.settings");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const [regenerated, setRegenerated] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      // No clipboard (insecure context, denied permission): select the text for a manual copy.
      input.current?.select();
      setState("failed");
    }
  };

  return (
    <div className="space-y-3">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("linkLabel")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="guest-portal-link"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy} aria-describedby={`${id}-status`}>
          {t("copy")}
        </Button>
        <span id={`${id}-status`} role="status" className={`text-sm ${state === "failed" ? "text-amber-800" : "text-green-800"}`}>
          {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
        </span>
      </div>
      <ConfirmButton
        message={t("regenerateConfirm")}
        action={async () => {
          const result = await regenerateGuestPortalLinkAction();
          if (result.ok) {
            setRegenerated(true);
            setState("idle");
          }
          return result;
        }}
      >
        {t("regenerate")}
      </ConfirmButton>
      {regenerated ? <Alert tone="success">{t("regenerated")}</Alert> : null}
    </div>
  );
}
