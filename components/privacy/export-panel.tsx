"use client";

// The person's data exports asked for by this officer: ask for a new one, see
// each one's progress (the page refreshes itself while one is being built),
// download a finished one, once.
import { useTranslations, useFormatter } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult, MessageRef } from "@/lib/forms/action-result";

interface ExportRow {
  id: string;
  status: "QUEUED" | "RUNNING" | "READY" | "DOWNLOADED" | "FAILED" | "DISCARDED";
  progress: number;
  createdAt: string;
}

const POLL_MS = 1500;

export function ExportPanel({ exports, requestExport }: { exports: ExportRow[]; requestExport: () => Promise<ActionResult> }) {
  const t = useTranslations("personData.export");
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<MessageRef | null>(null);
  const working = exports.some((e) => e.status === "QUEUED" || e.status === "RUNNING");

  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [working, router]);

  const ask = () =>
    startTransition(async () => {
      setError(null);
      const result = await requestExport();
      if (!result.ok) setError(result.formError ?? { key: "common.genericError" });
      router.refresh();
    });

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t("explain")}</p>
      {error ? <Alert tone="error">{errorText(error.key, error.values)}</Alert> : null}
      <Button onClick={ask} disabled={pending || working} aria-busy={pending}>
        {t("request")}
      </Button>
      {exports.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-live="polite">
          {exports.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm" data-testid="person-export">
              <span>{format.dateTime(new Date(e.createdAt), { dateStyle: "medium", timeStyle: "short" })}</span>
              <span className="font-medium">{t(`status.${e.status}`)}</span>
              {e.status === "QUEUED" || e.status === "RUNNING" ? (
                <progress max={100} value={e.progress} aria-label={t("progress")} className="h-2 w-40">
                  {e.progress}%
                </progress>
              ) : null}
              {e.status === "READY" ? (
                <a
                  href={`/api/privacy/exports/${e.id}`}
                  download
                  className="text-indigo-700 underline"
                  onClick={() => setTimeout(() => router.refresh(), POLL_MS)}
                >
                  {t("download")}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
