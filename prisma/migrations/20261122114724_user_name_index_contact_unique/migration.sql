-- DropIndex
DROP INDEX "ContactPerson_customerId_idx";

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ContactPerson_customerId_userId_key" ON "ContactPerson"("customerId", "userId");

