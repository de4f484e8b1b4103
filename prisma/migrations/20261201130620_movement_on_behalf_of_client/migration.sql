-- AlterTable
ALTER TABLE "TicketMovement" ADD COLUMN     "onBehalfOfClient" BOOLEAN NOT NULL DEFAULT false;

