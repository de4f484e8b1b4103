import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { verifyCertificate } from "@/lib/events/certificates/access";

export async function generateMetadata() {
  return { title: (await getTranslations("certificates.verify"))("title"), robots: { index: false } };
}

// Public: anyone holding a code may check it. Shows what the certificate states,
// never the CPF (verifyCertificate does not read it).
export default async function VerifyCertificatePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const certificate = await verifyCertificate(db, decodeURIComponent(code));
  if (!certificate) notFound();
  const [t, format] = await Promise.all([getTranslations("certificates.verify"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: certificate.eventTimeZone });
  const sameDay = day(certificate.eventStartsAt) === day(certificate.eventEndsAt);
  if (certificate.revokedForPrivacy) {
    return (
      <Card className="w-full max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Alert tone="warning">
          <p className="font-medium" data-testid="certificate-revoked">
            {t("revoked")}
          </p>
          <p>{t("revokedBody")}</p>
        </Alert>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("code")}</dt>
          <dd className="font-mono">{certificate.code}</dd>
        </dl>
      </Card>
    );
  }
  return (
    <Card className="w-full max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Alert tone="success">{t("valid")}</Alert>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("participant")}</dt>
        <dd data-testid="certificate-participant">{certificate.participantName}</dd>
        <dt className="font-medium">{t("event")}</dt>
        <dd>{certificate.eventName}</dd>
        <dt className="font-medium">{t("date")}</dt>
        <dd>{sameDay ? day(certificate.eventStartsAt) : `${day(certificate.eventStartsAt)} – ${day(certificate.eventEndsAt)}`}</dd>
        {certificate.hours !== null ? (
          <>
            <dt className="font-medium">{t("hours")}</dt>
            <dd>{t("hoursValue", { hours: certificate.hours })}</dd>
          </>
        ) : null}
        <dt className="font-medium">{t("issuedAt")}</dt>
        <dd>{format.dateTime(certificate.issuedAt, { dateStyle: "long" })}</dd>
        <dt className="font-medium">{t("code")}</dt>
        <dd className="font-mono">{certificate.code}</dd>
      </dl>
    </Card>
  );
}
