-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "certificateAttendancePercent" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "reminderSchedule" JSONB;

-- CreateTable
CREATE TABLE "EventReminder" (
    "id" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "offsetKey" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EventReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EventReminder_registrationId_offsetKey_key" ON "EventReminder"("registrationId", "offsetKey");

-- AddForeignKey
ALTER TABLE "EventReminder" ADD CONSTRAINT "EventReminder_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Reminders already sent the day before, under the fixed day-before reminder,
-- count as the "1d" reminder of the schedule, so nobody gets it twice.
INSERT INTO "EventReminder" ("id", "registrationId", "offsetKey", "sentAt")
SELECT gen_random_uuid(), "id", '1d', "reminderSentAt" FROM "Registration" WHERE "reminderSentAt" IS NOT NULL;
