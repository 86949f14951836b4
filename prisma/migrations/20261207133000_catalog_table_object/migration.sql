-- AlterTable
ALTER TABLE "CatalogTable" ADD COLUMN     "object" TEXT;

