-- CreateEnum
CREATE TYPE "EmailPriority" AS ENUM ('URGENT', 'BULK');

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "batchId" UUID,
ADD COLUMN     "claimKey" UUID,
ADD COLUMN     "leaseExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "priority" "EmailPriority" NOT NULL DEFAULT 'URGENT',
ADD COLUMN     "props" JSONB,
ADD COLUMN     "timeZone" TEXT,
ALTER COLUMN "html" DROP NOT NULL,
ALTER COLUMN "text" DROP NOT NULL;

-- CreateTable
CREATE TABLE "EmailBatch" (
    "id" UUID NOT NULL,
    "template" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "eventId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailBatch_eventId_createdAt_idx" ON "EmailBatch"("eventId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailBatch_createdAt_idx" ON "EmailBatch"("createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_status_priority_nextAttemptAt_idx" ON "EmailMessage"("status", "priority", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_status_leaseExpiresAt_idx" ON "EmailMessage"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "EmailMessage_claimKey_idx" ON "EmailMessage"("claimKey");

-- CreateIndex
CREATE INDEX "EmailMessage_batchId_status_idx" ON "EmailMessage"("batchId", "status");

-- CreateIndex
CREATE INDEX "EmailMessage_template_createdAt_idx" ON "EmailMessage"("template", "createdAt");

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "EmailBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailBatch" ADD CONSTRAINT "EmailBatch_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailBatch" ADD CONSTRAINT "EmailBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Rows an earlier sender left SENDING (it had no lease) lapse two minutes after
-- their last update, so the new senders take them over.
UPDATE "EmailMessage" SET "leaseExpiresAt" = "updatedAt" + interval '2 minutes' WHERE status = 'SENDING';
