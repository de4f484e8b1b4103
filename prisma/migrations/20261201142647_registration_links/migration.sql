-- CreateTable
CREATE TABLE "RegistrationLink" (
    "id" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationLink_tokenHash_key" ON "RegistrationLink"("tokenHash");

-- CreateIndex
CREATE INDEX "RegistrationLink_registrationId_idx" ON "RegistrationLink"("registrationId");

-- AddForeignKey
ALTER TABLE "RegistrationLink" ADD CONSTRAINT "RegistrationLink_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
