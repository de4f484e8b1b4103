"use client";

// "Issue certificates now" on an ended event's page: after a confirmation,
// issues what the daily job would and says how many were issued.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { issueEventCertificatesAction } from "@/lib/events/certificates/actions";

export function IssueCertificatesNow({ eventId }: { eventId: string }) {
  const t = useTranslations("events.admin");
  const [issued, setIssued] = useState<number | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ConfirmButton
        variant="secondary"
        message={t("issueCertificatesConfirm")}
        confirmLabel={t("issueCertificates")}
        action={async () => {
          const result = await issueEventCertificatesAction(eventId);
          if (!result.ok) return result;
          setIssued(result.data?.count ?? 0);
        }}
      >
        {t("issueCertificates")}
      </ConfirmButton>
      {issued !== null ? (
        <p role="status" className="text-sm text-green-800">
          {t("certificatesIssued", { count: issued })}
        </p>
      ) : null}
    </div>
  );
}
