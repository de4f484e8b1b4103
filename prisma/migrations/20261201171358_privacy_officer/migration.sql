-- AlterTable
ALTER TABLE "User" ADD COLUMN     "privacyOfficer" BOOLEAN NOT NULL DEFAULT false;

