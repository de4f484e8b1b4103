-- One CPF per person: the user's (User.cpf) is the only one. A person's own
-- customer record (person, student, professor) linked to a user and the
-- user's portal or staff-added registrations no longer keep a copy. A copy
-- moves to a user who has none (the oldest customer record first, then the
-- newest registration), unless another user already holds that number. A
-- copy that differs from what the user keeps (or that is not a valid CPF) is
-- written to the audit log before it is cleared, so no value is silently lost.
CREATE FUNCTION portico_tmp_cpf(doc text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN d IS NULL OR d ~ '^(\d)\1{10}$' THEN NULL
    WHEN ((s1 * 10) % 11) % 10 = substr(d, 10, 1)::int AND ((s2 * 10) % 11) % 10 = substr(d, 11, 1)::int THEN d
  END
  FROM (
    SELECT d,
      (SELECT sum(substr(d, i, 1)::int * (11 - i)) FROM generate_series(1, 9) AS i) AS s1,
      (SELECT sum(substr(d, i, 1)::int * (12 - i)) FROM generate_series(1, 10) AS i) AS s2
    FROM (
      SELECT CASE WHEN btrim(doc) ~ '^[0-9.[:space:]-]+$' AND length(regexp_replace(doc, '[^0-9]', '', 'g')) = 11
        THEN regexp_replace(doc, '[^0-9]', '', 'g') END AS d
    ) AS digits
  ) AS sums
$$;

WITH candidates AS (
  SELECT c."userId" AS user_id, portico_tmp_cpf(c.document) AS cpf, c."createdAt" AS at, c.id
  FROM "Customer" c JOIN "User" u ON u.id = c."userId"
  WHERE c.kind IN ('PERSON', 'STUDENT', 'PROFESSOR') AND u.cpf IS NULL AND portico_tmp_cpf(c.document) IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "User" o WHERE o.cpf = portico_tmp_cpf(c.document))
), per_user AS (
  SELECT DISTINCT ON (user_id) user_id, cpf, at, id FROM candidates ORDER BY user_id, at, id
), per_cpf AS (
  SELECT DISTINCT ON (cpf) user_id, cpf FROM per_user ORDER BY cpf, at, id
)
UPDATE "User" u SET cpf = p.cpf FROM per_cpf p WHERE u.id = p.user_id;

INSERT INTO "AuditLog" (id, "actorId", "actorName", action, "entityType", "entityId", data, "createdAt")
SELECT gen_random_uuid(), NULL, 'Portico', 'customer.documentSuperseded', 'Customer', c.id::text,
  jsonb_build_object('document', c.document, 'userId', c."userId"), CURRENT_TIMESTAMP
FROM "Customer" c JOIN "User" u ON u.id = c."userId"
WHERE c.kind IN ('PERSON', 'STUDENT', 'PROFESSOR') AND btrim(coalesce(c.document, '')) <> ''
  AND (portico_tmp_cpf(c.document) IS NULL OR portico_tmp_cpf(c.document) IS DISTINCT FROM u.cpf);

UPDATE "Customer" SET document = NULL
WHERE kind IN ('PERSON', 'STUDENT', 'PROFESSOR') AND "userId" IS NOT NULL AND document IS NOT NULL;

WITH candidates AS (
  SELECT r."userId" AS user_id, r.cpf, r."registeredAt" AS at, r.id
  FROM "Registration" r JOIN "User" u ON u.id = r."userId"
  WHERE u.cpf IS NULL AND portico_tmp_cpf(r.cpf) IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "User" o WHERE o.cpf = r.cpf)
), per_user AS (
  SELECT DISTINCT ON (user_id) user_id, cpf, at, id FROM candidates ORDER BY user_id, at DESC, id
), per_cpf AS (
  SELECT DISTINCT ON (cpf) user_id, cpf FROM per_user ORDER BY cpf, at DESC, id
)
UPDATE "User" u SET cpf = p.cpf FROM per_cpf p WHERE u.id = p.user_id;

INSERT INTO "AuditLog" (id, "actorId", "actorName", action, "entityType", "entityId", data, "createdAt")
SELECT gen_random_uuid(), NULL, 'Portico', 'registration.cpfSuperseded', 'Registration', r.id::text,
  jsonb_build_object('cpf', r.cpf, 'userId', r."userId"), CURRENT_TIMESTAMP
FROM "Registration" r JOIN "User" u ON u.id = r."userId"
WHERE r.cpf IS NOT NULL AND r.cpf IS DISTINCT FROM u.cpf;

UPDATE "Registration" SET cpf = NULL WHERE "userId" IS NOT NULL AND cpf IS NOT NULL;

DROP FUNCTION portico_tmp_cpf(text);
