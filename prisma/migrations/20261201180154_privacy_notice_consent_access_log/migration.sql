-- CreateEnum
CREATE TYPE "SensitiveAccessKind" AS ENUM ('CPF_VIEW', 'CPF_EXPORT', 'PERSON_EXPORT');

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "marketingConsent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "privacyAcceptedAt" TIMESTAMPTZ(3),
ADD COLUMN     "privacyNoticeId" UUID;

-- AlterTable
ALTER TABLE "GuestRequest" ADD COLUMN     "marketingConsent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "privacyAcceptedAt" TIMESTAMPTZ(3),
ADD COLUMN     "privacyNoticeId" UUID;

-- CreateTable
CREATE TABLE "PrivacyNotice" (
    "id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrivacyNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SensitiveAccess" (
    "id" UUID NOT NULL,
    "kind" "SensitiveAccessKind" NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SensitiveAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyNotice_locale_version_key" ON "PrivacyNotice"("locale", "version");

-- CreateIndex
CREATE INDEX "SensitiveAccess_createdAt_idx" ON "SensitiveAccess"("createdAt");

-- CreateIndex
CREATE INDEX "SensitiveAccess_actorId_createdAt_idx" ON "SensitiveAccess"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "SensitiveAccess_kind_createdAt_idx" ON "SensitiveAccess"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "Registration_privacyNoticeId_idx" ON "Registration"("privacyNoticeId");

-- CreateIndex
CREATE INDEX "GuestRequest_createdAt_idx" ON "GuestRequest"("createdAt");

-- CreateIndex
CREATE INDEX "GuestRequest_privacyNoticeId_idx" ON "GuestRequest"("privacyNoticeId");

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_privacyNoticeId_fkey" FOREIGN KEY ("privacyNoticeId") REFERENCES "PrivacyNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestRequest" ADD CONSTRAINT "GuestRequest_privacyNoticeId_fkey" FOREIGN KEY ("privacyNoticeId") REFERENCES "PrivacyNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrivacyNotice" ADD CONSTRAINT "PrivacyNotice_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- portico_register_seat gains the consent of a public sign-up: the privacy
-- notice version accepted, when, and the optional news consent. Everything
-- else is as in 20261201171653_waitlist_offers_and_holds. This is a new
-- signature beside the earlier one, which stays for instances still running
-- the previous version during a rolling update (they record no consent).
CREATE FUNCTION portico_register_seat(
  p_event_id uuid,
  p_source text,
  p_now timestamptz,
  p_registration_id uuid,
  p_user_id uuid,
  p_name text,
  p_email text,
  p_cpf text,
  p_locale text,
  p_answers jsonb,
  p_token_hash text,
  p_email_id uuid,
  p_email_locale text,
  p_props jsonb,
  p_time_zone text,
  p_subject text,
  p_attachment_id uuid,
  p_attachment_name text,
  p_attachment_type text,
  p_attachment_content bytea,
  p_hold_expires_at timestamptz,
  p_privacy_notice_id uuid,
  p_privacy_accepted_at timestamptz,
  p_marketing_consent boolean
) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  e record;
BEGIN
  SELECT id, status, "registrationDeadline", seats, "registeredCount", "reserveCount", "mainEventId", "visibleInPortal", "publicRegistration"
    INTO e FROM "Event" WHERE id = p_event_id FOR UPDATE;
  IF NOT FOUND
     OR e.status = 'CANCELLED'
     OR e."mainEventId" IS NOT NULL
     OR (p_source = 'PORTAL' AND NOT e."visibleInPortal")
     OR (p_source = 'PUBLIC' AND NOT e."publicRegistration")
     OR (p_source <> 'STAFF' AND e."registrationDeadline" IS NOT NULL AND p_now > e."registrationDeadline")
     OR e."registeredCount" >= e.seats
     OR e."reserveCount" > 0
     OR EXISTS (SELECT 1 FROM "Event" s WHERE s."mainEventId" = e.id) THEN
    RETURN 'GENERAL';
  END IF;

  INSERT INTO "Registration" (id, "eventId", "userId", name, email, cpf, locale, status, source, "registeredAt", answers, "accessTokenHash", hold, "holdExpiresAt",
                              "privacyNoticeId", "privacyAcceptedAt", "marketingConsent", "updatedAt")
  VALUES (p_registration_id, p_event_id, p_user_id, p_name, p_email, p_cpf, p_locale, 'REGISTERED', p_source::"RegistrationSource", p_now, p_answers, p_token_hash,
          CASE WHEN p_hold_expires_at IS NULL THEN NULL ELSE 'HELD'::"RegistrationHold" END, p_hold_expires_at,
          p_privacy_notice_id, p_privacy_accepted_at, COALESCE(p_marketing_consent, false), p_now)
  ON CONFLICT ("eventId", email) DO NOTHING;
  IF NOT FOUND THEN
    RETURN 'GENERAL';
  END IF;

  UPDATE "Event" SET "registeredCount" = "registeredCount" + 1 WHERE id = p_event_id;

  INSERT INTO "EmailMessage" (id, "to", locale, template, props, "timeZone", subject, status, "updatedAt")
  VALUES (p_email_id, p_email, p_email_locale, 'eventRegistration', p_props, p_time_zone, p_subject, 'QUEUED', now());
  IF p_attachment_id IS NOT NULL THEN
    INSERT INTO "EmailAttachment" (id, "emailMessageId", "fileName", "contentType", content)
    VALUES (p_attachment_id, p_email_id, p_attachment_name, p_attachment_type, p_attachment_content);
  END IF;
  RETURN 'REGISTERED';
END
$$;
