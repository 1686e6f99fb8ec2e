-- AlterTable
ALTER TABLE "prisoner" ADD COLUMN     "external_id" VARCHAR(200);

-- CreateIndex
CREATE UNIQUE INDEX "prisoner_external_id_key" ON "prisoner"("external_id");

