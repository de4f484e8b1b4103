"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { retryEmailAction } from "@/lib/email/admin-actions";

export function RetryEmailButton({ id }: { id: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<"ok" | "error" | null>(null);
  return (
    <div className="flex items-center gap-3">
      <Button
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await retryEmailAction(id);
            setResult(r.ok ? "ok" : "error");
          })
        }
      >
        {pending ? t("common.loading") : t("outbox.retry")}
      </Button>
      {result === "ok" ? <Alert tone="success">{t("outbox.retried")}</Alert> : null}
      {result === "error" ? <Alert tone="error">{t("common.genericError")}</Alert> : null}
    </div>
  );
}
