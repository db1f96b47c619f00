-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "reviewSlaHours" INTEGER NOT NULL DEFAULT 72;

-- CreateTable
CREATE TABLE "AssessmentReviewer" (
    "assessmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentReviewer_pkey" PRIMARY KEY ("assessmentId","userId")
);

-- CreateIndex
CREATE INDEX "AssessmentReviewer_userId_idx" ON "AssessmentReviewer"("userId");

-- AddForeignKey
ALTER TABLE "AssessmentReviewer" ADD CONSTRAINT "AssessmentReviewer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentReviewer" ADD CONSTRAINT "AssessmentReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
