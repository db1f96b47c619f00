-- CreateEnum
CREATE TYPE "SuiteVerificationStatus" AS ENUM ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED');

-- AlterTable
ALTER TABLE "ChallengeVersion" ADD COLUMN     "mutantSources" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "SuiteVerification" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "challengeVersionId" UUID NOT NULL,
    "runsPerSubject" INTEGER NOT NULL,
    "runtimes" TEXT[],
    "status" "SuiteVerificationStatus" NOT NULL DEFAULT 'QUEUED',
    "totalRuns" INTEGER NOT NULL,
    "doneRuns" INTEGER NOT NULL DEFAULT 0,
    "runMsTotal" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SuiteVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SuiteVerification_challengeVersionId_createdAt_idx" ON "SuiteVerification"("challengeVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "SuiteVerification_organizationId_idx" ON "SuiteVerification"("organizationId");

-- AddForeignKey
ALTER TABLE "SuiteVerification" ADD CONSTRAINT "SuiteVerification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuiteVerification" ADD CONSTRAINT "SuiteVerification_challengeVersionId_fkey" FOREIGN KEY ("challengeVersionId") REFERENCES "ChallengeVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
