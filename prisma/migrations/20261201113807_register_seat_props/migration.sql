-- portico_register_seat writes the confirmation as its template and props
-- instead of a pre-rendered body: the e-mail sender renders it (once per
-- event and language, see renderShared) and keeps the copy it sent. The
-- request no longer renders the e-mail, nor carries its HTML and text through
-- the statement that holds the event's lock. Everything else is unchanged (see
-- 20261122131800_fast_registration).
DROP FUNCTION portico_register_seat(uuid, text, timestamptz, uuid, uuid, text, text, text, text, jsonb, text, uuid, text, text, text, text, uuid, text, text, bytea);

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
  p_attachment_content bytea
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

  INSERT INTO "Registration" (id, "eventId", "userId", name, email, cpf, locale, status, source, "registeredAt", answers, "accessTokenHash", "updatedAt")
  VALUES (p_registration_id, p_event_id, p_user_id, p_name, p_email, p_cpf, p_locale, 'REGISTERED', p_source::"RegistrationSource", p_now, p_answers, p_token_hash, p_now)
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
