-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "lineComments" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "ReviewLineComment" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "onDiff" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "criterionId" UUID,
    "shareWithCandidate" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewLineComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewLineComment_submissionId_authorId_idx" ON "ReviewLineComment"("submissionId", "authorId");

-- AddForeignKey
ALTER TABLE "ReviewLineComment" ADD CONSTRAINT "ReviewLineComment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLineComment" ADD CONSTRAINT "ReviewLineComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLineComment" ADD CONSTRAINT "ReviewLineComment_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "RubricCriterion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
