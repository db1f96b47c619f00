-- AlterTable
ALTER TABLE "ChallengeVersion" ADD COLUMN     "mutants" JSONB NOT NULL DEFAULT '{}';
