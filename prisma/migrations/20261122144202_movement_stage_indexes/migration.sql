-- CreateIndex
CREATE INDEX "TicketMovement_fromStageId_idx" ON "TicketMovement"("fromStageId");

-- CreateIndex
CREATE INDEX "TicketMovement_toStageId_idx" ON "TicketMovement"("toStageId");

