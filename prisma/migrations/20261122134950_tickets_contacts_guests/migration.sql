-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('OPEN', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "StageResponsible" AS ENUM ('CLIENT', 'STAFF');

-- CreateEnum
CREATE TYPE "TicketFieldKind" AS ENUM ('SHORT_TEXT', 'LONG_TEXT', 'NUMBER', 'DATE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'YES_NO');

-- CreateEnum
CREATE TYPE "UnderstandingState" AS ENUM ('NONE', 'PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "TicketMessageKind" AS ENUM ('COMMENT', 'INTERNAL_NOTE', 'UNDERSTANDING_APPROVED', 'UNDERSTANDING_REJECTED');

-- CreateEnum
CREATE TYPE "ContactModule" AS ENUM ('CENTRAL', 'CRM');

-- CreateEnum
CREATE TYPE "ContactStatus" AS ENUM ('OPEN', 'FINISHED');

-- CreateEnum
CREATE TYPE "GuestRequestStatus" AS ENUM ('CREATED', 'OPENED', 'CLOSED');

-- CreateTable
CREATE TABLE "StaffTeam" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "StaffTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffTeamMember" (
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "StaffTeamMember_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "TicketGroup" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TicketGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketType" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "TicketType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketStage" (
    "id" UUID NOT NULL,
    "typeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "responsible" "StageResponsible" NOT NULL,
    "teamId" UUID,
    "attendantId" UUID,
    "terminal" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "TicketStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketTransition" (
    "id" UUID NOT NULL,
    "fromStageId" UUID NOT NULL,
    "toStageId" UUID NOT NULL,

    CONSTRAINT "TicketTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketTransitionCondition" (
    "id" UUID NOT NULL,
    "transitionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TicketTransitionCondition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketField" (
    "id" UUID NOT NULL,
    "typeId" UUID NOT NULL,
    "labels" JSONB NOT NULL,
    "kind" "TicketFieldKind" NOT NULL,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "TicketField_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketFieldRule" (
    "fieldId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "invisible" BOOLEAN NOT NULL DEFAULT false,
    "invisibleInPortal" BOOLEAN NOT NULL DEFAULT false,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "requiredFromPrevious" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TicketFieldRule_pkey" PRIMARY KEY ("fieldId","stageId")
);

-- CreateTable
CREATE TABLE "ProfileBlockedTicketType" (
    "profileId" UUID NOT NULL,
    "typeId" UUID NOT NULL,

    CONSTRAINT "ProfileBlockedTicketType_pkey" PRIMARY KEY ("profileId","typeId")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "customerId" UUID,
    "groupId" UUID NOT NULL,
    "typeId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'OPEN',
    "responsible" "StageResponsible" NOT NULL,
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "understanding" TEXT NOT NULL DEFAULT '',
    "understandingState" "UnderstandingState" NOT NULL DEFAULT 'NONE',
    "assigneeId" UUID,
    "teamId" UUID,
    "openedById" UUID,
    "stageEnteredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketFieldValue" (
    "ticketId" UUID NOT NULL,
    "fieldId" UUID NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "TicketFieldValue_pkey" PRIMARY KEY ("ticketId","fieldId")
);

-- CreateTable
CREATE TABLE "TicketMessage" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "fromStaff" BOOLEAN NOT NULL,
    "kind" "TicketMessageKind" NOT NULL DEFAULT 'COMMENT',
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketAttachment" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "messageId" UUID,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketMovement" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "fromStageId" UUID,
    "toStageId" UUID NOT NULL,
    "fromStageName" TEXT,
    "toStageName" TEXT NOT NULL,
    "conditionName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "clientUserId" UUID,
    "clientName" TEXT,
    "fromEnteredAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactClassification" (
    "id" UUID NOT NULL,
    "module" "ContactModule" NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ContactClassification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactSubclassification" (
    "id" UUID NOT NULL,
    "classificationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ContactSubclassification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactChannel" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ContactChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "customerId" UUID NOT NULL,
    "createdById" UUID,
    "module" "ContactModule" NOT NULL,
    "classificationId" UUID,
    "classificationName" TEXT NOT NULL,
    "subclassificationId" UUID,
    "subclassificationName" TEXT,
    "channelId" UUID,
    "channelName" TEXT,
    "contactName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "status" "ContactStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactMessage" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "fromStaff" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactAttachment" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "fileId" UUID NOT NULL,

    CONSTRAINT "ContactAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuestPortal" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "token" TEXT NOT NULL,
    "welcomeText" TEXT NOT NULL DEFAULT '',
    "fields" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GuestPortal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuestRequest" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "status" "GuestRequestStatus" NOT NULL DEFAULT 'CREATED',
    "requesterName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "location" TEXT,
    "asset" TEXT,
    "category" TEXT,
    "priority" TEXT,
    "title" TEXT,
    "description" TEXT,
    "customValues" JSONB NOT NULL DEFAULT '[]',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "statusTokenHash" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "ticketId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GuestRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuestRequestFile" (
    "requestId" UUID NOT NULL,
    "fileId" UUID NOT NULL,

    CONSTRAINT "GuestRequestFile_pkey" PRIMARY KEY ("requestId","fileId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffTeam_name_key" ON "StaffTeam"("name");

-- CreateIndex
CREATE INDEX "StaffTeamMember_userId_idx" ON "StaffTeamMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketGroup_name_key" ON "TicketGroup"("name");

-- CreateIndex
CREATE UNIQUE INDEX "TicketType_groupId_name_key" ON "TicketType"("groupId", "name");

-- CreateIndex
CREATE INDEX "TicketStage_typeId_position_idx" ON "TicketStage"("typeId", "position");

-- CreateIndex
CREATE INDEX "TicketTransition_toStageId_idx" ON "TicketTransition"("toStageId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketTransition_fromStageId_toStageId_key" ON "TicketTransition"("fromStageId", "toStageId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketTransitionCondition_transitionId_name_key" ON "TicketTransitionCondition"("transitionId", "name");

-- CreateIndex
CREATE INDEX "TicketField_typeId_position_idx" ON "TicketField"("typeId", "position");

-- CreateIndex
CREATE INDEX "TicketFieldRule_stageId_idx" ON "TicketFieldRule"("stageId");

-- CreateIndex
CREATE INDEX "ProfileBlockedTicketType_typeId_idx" ON "ProfileBlockedTicketType"("typeId");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");

-- CreateIndex
CREATE INDEX "Ticket_customerId_status_responsible_updatedAt_idx" ON "Ticket"("customerId", "status", "responsible", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Ticket_customerId_updatedAt_idx" ON "Ticket"("customerId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Ticket_status_updatedAt_idx" ON "Ticket"("status", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_status_updatedAt_idx" ON "Ticket"("assigneeId", "status", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Ticket_typeId_status_idx" ON "Ticket"("typeId", "status");

-- CreateIndex
CREATE INDEX "Ticket_groupId_status_idx" ON "Ticket"("groupId", "status");

-- CreateIndex
CREATE INDEX "Ticket_stageId_idx" ON "Ticket"("stageId");

-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- CreateIndex
CREATE INDEX "Ticket_subject_idx" ON "Ticket"("subject");

-- CreateIndex
CREATE INDEX "TicketFieldValue_fieldId_idx" ON "TicketFieldValue"("fieldId");

-- CreateIndex
CREATE INDEX "TicketMessage_ticketId_createdAt_idx" ON "TicketMessage"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TicketAttachment_fileId_key" ON "TicketAttachment"("fileId");

-- CreateIndex
CREATE INDEX "TicketAttachment_ticketId_createdAt_idx" ON "TicketAttachment"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "TicketMovement_ticketId_createdAt_idx" ON "TicketMovement"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContactClassification_module_name_key" ON "ContactClassification"("module", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ContactSubclassification_classificationId_name_key" ON "ContactSubclassification"("classificationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ContactChannel_name_key" ON "ContactChannel"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_number_key" ON "Contact"("number");

-- CreateIndex
CREATE INDEX "Contact_customerId_status_updatedAt_idx" ON "Contact"("customerId", "status", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Contact_status_module_updatedAt_idx" ON "Contact"("status", "module", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Contact_classificationId_idx" ON "Contact"("classificationId");

-- CreateIndex
CREATE INDEX "ContactMessage_contactId_createdAt_idx" ON "ContactMessage"("contactId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContactAttachment_fileId_key" ON "ContactAttachment"("fileId");

-- CreateIndex
CREATE INDEX "ContactAttachment_messageId_idx" ON "ContactAttachment"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "GuestPortal_token_key" ON "GuestPortal"("token");

-- CreateIndex
CREATE UNIQUE INDEX "GuestRequest_number_key" ON "GuestRequest"("number");

-- CreateIndex
CREATE UNIQUE INDEX "GuestRequest_statusTokenHash_key" ON "GuestRequest"("statusTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "GuestRequest_submissionKey_key" ON "GuestRequest"("submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "GuestRequest_ticketId_key" ON "GuestRequest"("ticketId");

-- CreateIndex
CREATE INDEX "GuestRequest_status_createdAt_idx" ON "GuestRequest"("status", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "GuestRequestFile_fileId_key" ON "GuestRequestFile"("fileId");

-- AddForeignKey
ALTER TABLE "StaffTeamMember" ADD CONSTRAINT "StaffTeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "StaffTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffTeamMember" ADD CONSTRAINT "StaffTeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketType" ADD CONSTRAINT "TicketType_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TicketGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketStage" ADD CONSTRAINT "TicketStage_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "TicketType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketStage" ADD CONSTRAINT "TicketStage_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "StaffTeam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketStage" ADD CONSTRAINT "TicketStage_attendantId_fkey" FOREIGN KEY ("attendantId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketTransition" ADD CONSTRAINT "TicketTransition_fromStageId_fkey" FOREIGN KEY ("fromStageId") REFERENCES "TicketStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketTransition" ADD CONSTRAINT "TicketTransition_toStageId_fkey" FOREIGN KEY ("toStageId") REFERENCES "TicketStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketTransitionCondition" ADD CONSTRAINT "TicketTransitionCondition_transitionId_fkey" FOREIGN KEY ("transitionId") REFERENCES "TicketTransition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketField" ADD CONSTRAINT "TicketField_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "TicketType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketFieldRule" ADD CONSTRAINT "TicketFieldRule_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "TicketField"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketFieldRule" ADD CONSTRAINT "TicketFieldRule_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "TicketStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileBlockedTicketType" ADD CONSTRAINT "ProfileBlockedTicketType_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "Profile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileBlockedTicketType" ADD CONSTRAINT "ProfileBlockedTicketType_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "TicketType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TicketGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "TicketType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "TicketStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "StaffTeam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketFieldValue" ADD CONSTRAINT "TicketFieldValue_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketFieldValue" ADD CONSTRAINT "TicketFieldValue_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "TicketField"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketMessage" ADD CONSTRAINT "TicketMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketMessage" ADD CONSTRAINT "TicketMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketAttachment" ADD CONSTRAINT "TicketAttachment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketAttachment" ADD CONSTRAINT "TicketAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketAttachment" ADD CONSTRAINT "TicketAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "TicketMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketMovement" ADD CONSTRAINT "TicketMovement_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketMovement" ADD CONSTRAINT "TicketMovement_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactSubclassification" ADD CONSTRAINT "ContactSubclassification_classificationId_fkey" FOREIGN KEY ("classificationId") REFERENCES "ContactClassification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactMessage" ADD CONSTRAINT "ContactMessage_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactMessage" ADD CONSTRAINT "ContactMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttachment" ADD CONSTRAINT "ContactAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ContactMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttachment" ADD CONSTRAINT "ContactAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestRequest" ADD CONSTRAINT "GuestRequest_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestRequestFile" ADD CONSTRAINT "GuestRequestFile_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "GuestRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestRequestFile" ADD CONSTRAINT "GuestRequestFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

