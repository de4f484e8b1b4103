"use client";

// A link to share plus a copy button; the result is announced in a live region.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyLink({ label, url }: { label: string; url: string }) {
  const t = useTranslations("events.admin");
  const id = useId();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm"
        />
        <Button variant="secondary" onClick={copy} aria-describedby={`${id}-status`}>
          {t("copy")}
        </Button>
        <span id={`${id}-status`} role="status" className="text-sm text-green-800">
          {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
        </span>
      </div>
    </div>
  );
}
