-- AlterEnum
ALTER TYPE "AssessmentStatus" ADD VALUE 'DISCARDED';

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "discardedAt" TIMESTAMP(3),
ADD COLUMN     "discardedById" TEXT;

-- AlterTable
ALTER TABLE "AssessmentAnswer" ADD COLUMN     "carriedOverFromId" TEXT,
ADD COLUMN     "confirmedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PilotStageChange" ADD COLUMN     "reason" TEXT;

-- CreateIndex
CREATE INDEX "AssessmentAnswer_carriedOverFromId_idx" ON "AssessmentAnswer"("carriedOverFromId");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_discardedById_fkey" FOREIGN KEY ("discardedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentAnswer" ADD CONSTRAINT "AssessmentAnswer_carriedOverFromId_fkey" FOREIGN KEY ("carriedOverFromId") REFERENCES "AssessmentAnswer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
