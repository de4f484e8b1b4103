"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

function parts(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { days: Math.floor(total / 86400), hours: Math.floor((total % 86400) / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}

/** Live countdown to `target`; when it reaches zero the page reloads (and the join opens). */
export function Countdown({ target, serverNow }: { target: string; serverNow: string }) {
  const t = useTranslations("events.join");
  const router = useRouter();
  // The server's clock decides; the browser only counts the difference down.
  const [skew] = useState(() => new Date(serverNow).getTime() - Date.now());
  const [left, setLeft] = useState(() => new Date(target).getTime() - new Date(serverNow).getTime());
  useEffect(() => {
    const timer = setInterval(() => {
      const ms = new Date(target).getTime() - (Date.now() + skew);
      setLeft(ms);
      if (ms <= 0) {
        clearInterval(timer);
        router.refresh();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [target, skew, router]);
  const p = parts(left);
  return (
    <p className="text-2xl font-semibold tabular-nums" role="timer" aria-live="off" aria-label={t("opensIn")}>
      {t("countdown", p)}
    </p>
  );
}
