-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "totp_last_step" INTEGER;
