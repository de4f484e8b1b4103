-- CreateEnum
CREATE TYPE "WaitlistMode" AS ENUM ('AUTOMATIC', 'OFFERS');

-- CreateEnum
CREATE TYPE "RegistrationHold" AS ENUM ('HELD', 'CONFIRMED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "WaitlistOffer" AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED');

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "confirmPublicSignups" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "holdMinutes" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "offerHours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "waitlistMode" "WaitlistMode" NOT NULL DEFAULT 'AUTOMATIC';

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "hold" "RegistrationHold",
ADD COLUMN     "holdExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "offer" "WaitlistOffer",
ADD COLUMN     "offerExpiresAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Registration_hold_holdExpiresAt_idx" ON "Registration"("hold", "holdExpiresAt");

-- CreateIndex
CREATE INDEX "Registration_offer_offerExpiresAt_idx" ON "Registration"("offer", "offerExpiresAt");

-- CreateIndex
CREATE INDEX "Registration_eventId_hold_idx" ON "Registration"("eventId", "hold");

-- CreateIndex
CREATE INDEX "Registration_eventId_offer_idx" ON "Registration"("eventId", "offer");


-- Events that already take public sign-ups keep working as their registrants
-- know them; new events ask for the confirmation click by default.
UPDATE "Event" SET "confirmPublicSignups" = false;

-- portico_register_seat also writes the hold of a public sign-up that must be
-- confirmed (p_hold_expires_at; NULL for none). A seat under an open offer
-- needs no check here: an offer exists only while reserves wait, and any
-- reserve sends the registration to the general path. Everything else is
-- unchanged (see 20261201113807_register_seat_props). The old signature is
-- dropped so that no caller reaches the version without the hold.
DROP FUNCTION portico_register_seat(uuid, text, timestamptz, uuid, uuid, text, text, text, text, jsonb, text, uuid, text, jsonb, text, text, uuid, text, text, bytea);

CREATE OR REPLACE FUNCTION portico_register_seat(
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
  p_hold_expires_at timestamptz
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

  INSERT INTO "Registration" (id, "eventId", "userId", name, email, cpf, locale, status, source, "registeredAt", answers, "accessTokenHash", hold, "holdExpiresAt", "updatedAt")
  VALUES (p_registration_id, p_event_id, p_user_id, p_name, p_email, p_cpf, p_locale, 'REGISTERED', p_source::"RegistrationSource", p_now, p_answers, p_token_hash,
          CASE WHEN p_hold_expires_at IS NULL THEN NULL ELSE 'HELD'::"RegistrationHold" END, p_hold_expires_at, p_now)
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
