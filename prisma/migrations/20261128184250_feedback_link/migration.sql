-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "feedbackTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_feedbackTokenHash_key" ON "Invitation"("feedbackTokenHash");
