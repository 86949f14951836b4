-- CreateEnum
CREATE TYPE "DebugRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'FINISHED', 'STOPPED', 'FAILED');

-- CreateTable
CREATE TABLE "DebugRun" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "version" INTEGER,
    "sql" TEXT NOT NULL,
    "fixtureId" TEXT,
    "status" "DebugRunStatus" NOT NULL DEFAULT 'QUEUED',
    "limits" JSONB NOT NULL,
    "inputs" JSONB NOT NULL DEFAULT '[]',
    "sinks" JSONB NOT NULL DEFAULT '[]',
    "vertices" JSONB NOT NULL DEFAULT '[]',
    "error" JSONB,
    "queue" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "durationMs" INTEGER,

    CONSTRAINT "DebugRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DebugFixture" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tables" JSONB NOT NULL,
    "data" BYTEA NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DebugFixture_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DebugRun_jobId_createdAt_idx" ON "DebugRun"("jobId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DebugFixture_jobId_name_key" ON "DebugFixture"("jobId", "name");

-- AddForeignKey
ALTER TABLE "DebugRun" ADD CONSTRAINT "DebugRun_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebugFixture" ADD CONSTRAINT "DebugFixture_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

