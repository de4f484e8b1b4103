-- The common case of an event registration in one statement (issue 3, rule 13):
-- lock the event, take a free seat, insert the registration and its
-- confirmation e-mail (pre-rendered by the caller). Holding the event's lock for
-- one statement instead of a multi-round-trip transaction is what lets busy
-- events take many registrations per second. Anything unusual (reserve list,
-- sessions, reserves waiting for freed seats, closed events, an existing row for
-- the e-mail) changes nothing and answers so; lib/events/registration.ts then
-- runs the general path.
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
  p_subject text,
  p_html text,
  p_text text,
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

  INSERT INTO "EmailMessage" (id, "to", locale, template, subject, html, text, status, "updatedAt")
  VALUES (p_email_id, p_email, p_email_locale, 'eventRegistration', p_subject, p_html, p_text, 'QUEUED', now());
  IF p_attachment_id IS NOT NULL THEN
    INSERT INTO "EmailAttachment" (id, "emailMessageId", "fileName", "contentType", content)
    VALUES (p_attachment_id, p_email_id, p_attachment_name, p_attachment_type, p_attachment_content);
  END IF;
  RETURN 'REGISTERED';
END
$$;
