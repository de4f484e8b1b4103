-- CreateIndex
CREATE INDEX "UserSession_endedAt_idx" ON "UserSession"("endedAt");

