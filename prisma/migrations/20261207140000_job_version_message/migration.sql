-- AlterTable
ALTER TABLE "JobVersion" ADD COLUMN     "message" TEXT NOT NULL DEFAULT '';

