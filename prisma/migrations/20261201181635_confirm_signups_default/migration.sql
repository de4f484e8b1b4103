-- Rows written outside the staff form (imports, scripts, the API) keep public
-- sign-ups as they were; the form starts new events with confirmation on.
-- AlterTable
ALTER TABLE "Event" ALTER COLUMN "confirmPublicSignups" SET DEFAULT false;

