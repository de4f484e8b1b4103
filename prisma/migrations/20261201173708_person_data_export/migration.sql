-- CreateEnum
CREATE TYPE "PersonExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'READY', 'DOWNLOADED', 'FAILED', 'DISCARDED');

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "revokedForPrivacyAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PersonExport" (
    "id" UUID NOT NULL,
    "requesterId" UUID NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "PersonExportStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "storageKey" TEXT,
    "size" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "downloadedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PersonExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonExport_requesterId_subjectKind_subject_createdAt_idx" ON "PersonExport"("requesterId", "subjectKind", "subject", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PersonExport_subject_idx" ON "PersonExport"("subject");

-- CreateIndex
CREATE INDEX "Customer_email_idx" ON "Customer"("email");

-- CreateIndex
CREATE INDEX "Customer_document_idx" ON "Customer"("document");

-- CreateIndex
CREATE INDEX "ContactPerson_email_idx" ON "ContactPerson"("email");

-- CreateIndex
CREATE INDEX "Registration_email_idx" ON "Registration"("email");

-- CreateIndex
CREATE INDEX "Registration_cpf_idx" ON "Registration"("cpf");

-- CreateIndex
CREATE INDEX "Ticket_openedById_idx" ON "Ticket"("openedById");

-- CreateIndex
CREATE INDEX "TicketMessage_authorId_idx" ON "TicketMessage"("authorId");

-- CreateIndex
CREATE INDEX "TicketMovement_actorId_idx" ON "TicketMovement"("actorId");

-- CreateIndex
CREATE INDEX "TicketMovement_clientUserId_idx" ON "TicketMovement"("clientUserId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- CreateIndex
CREATE INDEX "Contact_createdById_idx" ON "Contact"("createdById");

-- CreateIndex
CREATE INDEX "ContactMessage_authorId_idx" ON "ContactMessage"("authorId");

-- CreateIndex
CREATE INDEX "GuestRequest_email_idx" ON "GuestRequest"("email");

-- AddForeignKey
ALTER TABLE "PersonExport" ADD CONSTRAINT "PersonExport_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

