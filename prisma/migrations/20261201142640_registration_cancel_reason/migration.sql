-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledByStaff" BOOLEAN NOT NULL DEFAULT false;
