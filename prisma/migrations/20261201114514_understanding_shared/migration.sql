-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "understandingShared" BOOLEAN NOT NULL DEFAULT false;


-- Understandings waiting for or holding the client's decision were handed to
-- the client; a text with no state is treated as a draft until handed over.
UPDATE "Ticket" SET "understandingShared" = true WHERE "understandingState" <> 'NONE' AND "understanding" <> '';
