-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "catalogFunctions" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "CatalogFunction" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "className" TEXT,
    "language" TEXT NOT NULL DEFAULT 'javascript',
    "source" TEXT NOT NULL,
    "resultType" TEXT NOT NULL,
    "argumentTypes" JSONB,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogFunction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogFunction_workspaceId_name_key" ON "CatalogFunction"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogFunction_workspaceId_className_key" ON "CatalogFunction"("workspaceId", "className");

-- AddForeignKey
ALTER TABLE "CatalogFunction" ADD CONSTRAINT "CatalogFunction_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

