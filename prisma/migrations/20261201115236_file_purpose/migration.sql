-- CreateEnum
CREATE TYPE "FilePurpose" AS ENUM ('ATTACHMENT', 'EVENT_ARTWORK');

-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "purpose" "FilePurpose" NOT NULL DEFAULT 'ATTACHMENT';


-- Existing artwork stays published only if it is an image staff uploaded that
-- serves nothing else; any other file (a ticket, contact or guest request
-- attachment, a client's upload) is taken off its event.
UPDATE "StoredFile" f SET "purpose" = 'EVENT_ARTWORK'
WHERE f."id" IN (SELECT "artworkFileId" FROM "Event" WHERE "artworkFileId" IS NOT NULL)
  AND f."contentType" IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')
  AND EXISTS (SELECT 1 FROM "User" u WHERE u."id" = f."ownerId" AND u."role" <> 'CLIENT')
  AND NOT EXISTS (SELECT 1 FROM "TicketAttachment" a WHERE a."fileId" = f."id")
  AND NOT EXISTS (SELECT 1 FROM "ContactAttachment" a WHERE a."fileId" = f."id")
  AND NOT EXISTS (SELECT 1 FROM "GuestRequestFile" a WHERE a."fileId" = f."id");

UPDATE "Event" e SET "artworkFileId" = NULL
WHERE e."artworkFileId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "StoredFile" f WHERE f."id" = e."artworkFileId" AND f."purpose" = 'EVENT_ARTWORK');
