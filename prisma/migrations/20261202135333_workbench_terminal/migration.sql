-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "terminalEnabled" BOOLEAN NOT NULL DEFAULT false;
