-- AlterTable
ALTER TABLE "TicketField" ADD COLUMN     "optionLabels" JSONB NOT NULL DEFAULT '{}';

