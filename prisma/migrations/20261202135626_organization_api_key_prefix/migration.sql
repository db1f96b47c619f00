-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "apiKeyCreatedAt" TIMESTAMP(3),
ADD COLUMN     "apiKeyPrefix" TEXT;
