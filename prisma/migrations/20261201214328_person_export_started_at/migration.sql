-- AlterTable
ALTER TABLE "PersonExport" ADD COLUMN     "startedAt" TIMESTAMPTZ(3);

