-- No release wrote CatalogTable rows (the table had no API), so its old shape is dropped as is.
DELETE FROM "CatalogTable";

-- CreateEnum
CREATE TYPE "CatalogTableRole" AS ENUM ('SOURCE', 'SINK', 'DIMENSION');

-- AlterTable
ALTER TABLE "CatalogTable" DROP COLUMN "kind",
DROP COLUMN "options",
DROP COLUMN "schema",
ADD COLUMN     "columns" JSONB NOT NULL,
ADD COLUMN     "connectionId" TEXT,
ADD COLUMN     "ddl" TEXT NOT NULL,
ADD COLUMN     "roles" "CatalogTableRole"[];

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "catalogTables" JSONB NOT NULL DEFAULT '[]';

-- DropEnum
DROP TYPE "CatalogTableKind";

-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "options" JSONB NOT NULL,
    "secretOptions" JSONB NOT NULL DEFAULT '{}',
    "lastTest" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Connection_workspaceId_name_key" ON "Connection"("workspaceId", "name");

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogTable" ADD CONSTRAINT "CatalogTable_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

