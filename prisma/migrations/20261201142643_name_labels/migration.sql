-- AlterTable
ALTER TABLE "TicketGroup" ADD COLUMN     "labels" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "TicketType" ADD COLUMN     "labels" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "TicketStage" ADD COLUMN     "labels" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "TicketTransitionCondition" ADD COLUMN     "labels" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "TicketMovement" ADD COLUMN     "conditionLabels" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "fromStageLabels" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "toStageLabels" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "ContactClassification" ADD COLUMN     "labels" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "ContactSubclassification" ADD COLUMN     "labels" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "ContactChannel" ADD COLUMN     "labels" JSONB NOT NULL DEFAULT '{}';
