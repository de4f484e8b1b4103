-- CreateEnum
CREATE TYPE "ConditionDecision" AS ENUM ('APPROVE', 'REJECT');

-- AlterTable
ALTER TABLE "TicketTransitionCondition" ADD COLUMN     "decision" "ConditionDecision";


-- The demo workflow's decision conditions (prisma/seed-tickets.ts) mean their decision.
UPDATE "TicketTransitionCondition" SET "decision" = 'APPROVE' WHERE "name" = 'Understanding approved';
UPDATE "TicketTransitionCondition" SET "decision" = 'REJECT' WHERE "name" = 'Understanding rejected';
