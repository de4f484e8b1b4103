"use client";

// Keeps a page showing bulk-send progress current: while any send on it still
// has messages waiting, the server components are re-read every few seconds
// (router.refresh keeps scroll, focus and form input). When the last one is
// done the server renders active={false} and the timer stops. A hidden tab
// is not refreshed.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

export function RefreshWhileSending({ active, intervalMs = 3000 }: { active: boolean; intervalMs?: number }) {
  const t = useTranslations("outbox.bulk");
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return active ? <p className="text-xs text-slate-600">{t("autoRefresh")}</p> : null;
}
