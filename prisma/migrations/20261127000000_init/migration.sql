-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gist";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- CreateEnum
CREATE TYPE "PublicationState" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "DateQualifier" AS ENUM ('EXACT', 'ON_OR_BEFORE', 'ON_OR_AFTER');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'OTHER', 'UNSPECIFIED');

-- CreateEnum
CREATE TYPE "NameKind" AS ENUM ('TRANSLITERATION', 'NATIVE_SCRIPT', 'ALIAS');

-- CreateEnum
CREATE TYPE "PortraitConsent" AS ENUM ('SUBJECT', 'FAMILY', 'PUBLIC_DOMAIN_OR_LICENSED');

-- CreateEnum
CREATE TYPE "CustodyKind" AS ENUM ('DETENTION', 'HOUSE_ARREST');

-- CreateEnum
CREATE TYPE "ReleaseReason" AS ENUM ('SENTENCE_SERVED', 'ACQUITTED', 'CHARGES_DROPPED', 'PARDON', 'AMNESTY', 'CONDITIONAL_RELEASE', 'MEASURE_CHANGED', 'DEATH_IN_CUSTODY', 'OTHER');

-- CreateEnum
CREATE TYPE "FacilityKind" AS ENUM ('PRE_TRIAL_DETENTION_CENTRE', 'PRISON', 'POLICE_STATION', 'MEDICAL', 'OTHER');

-- CreateEnum
CREATE TYPE "CourtKind" AS ENUM ('DISTRICT', 'APPEAL', 'GRAVE_CRIMES', 'SUPREME', 'INTERNATIONAL', 'OTHER');

-- CreateEnum
CREATE TYPE "HearingKind" AS ENUM ('PRE_TRIAL_DETENTION', 'DETENTION_EXTENSION', 'PRELIMINARY', 'TRIAL_SESSION', 'VERDICT', 'APPEAL', 'CASSATION', 'CIVIL_SUIT', 'OTHER');

-- CreateEnum
CREATE TYPE "HearingStatus" AS ENUM ('SCHEDULED', 'HELD', 'POSTPONED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MotionParty" AS ENUM ('DEFENCE', 'PROSECUTION', 'INVESTIGATION', 'PLAINTIFF', 'COURT', 'OTHER');

-- CreateEnum
CREATE TYPE "MotionKind" AS ENUM ('EXTEND_DETENTION', 'HOUSE_ARREST', 'BAIL', 'HOUSE_ARREST_OR_BAIL', 'MEDICAL_EXAMINATION', 'RELEASE', 'RECUSAL', 'ADJOURNMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "Ruling" AS ENUM ('GRANTED', 'PARTLY_GRANTED', 'DISMISSED', 'NOT_CONSIDERED', 'POSTPONED', 'PENDING');

-- CreateEnum
CREATE TYPE "VerdictOutcome" AS ENUM ('CONVICTED', 'ACQUITTED', 'CASE_DISMISSED');

-- CreateEnum
CREATE TYPE "SentenceKind" AS ENUM ('IMPRISONMENT', 'SUSPENDED', 'RESTRICTION_OF_FREEDOM', 'CORRECTIONAL_LABOUR', 'FINE', 'OTHER');

-- CreateEnum
CREATE TYPE "AppealResult" AS ENUM ('PENDING', 'UPHELD', 'REDUCED', 'OVERTURNED', 'RETURNED_FOR_RETRIAL');

-- CreateEnum
CREATE TYPE "DecreeKind" AS ENUM ('PARDON', 'AMNESTY');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('WEB_PAGE', 'DOCUMENT', 'COURT_RECORD', 'MEDIA_REPORT', 'TESTIMONY', 'OTHER');

-- CreateEnum
CREATE TYPE "UpdateKind" AS ENUM ('DEMONSTRATION', 'AWARD', 'APPEAL', 'PETITION', 'STATEMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('CIVIC_MOVEMENT', 'POLITICAL_PARTY', 'NGO', 'MEDIA', 'RELIGIOUS', 'INTERNATIONAL_BODY', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR', 'CONTRIBUTOR', 'VIEWER');

-- CreateTable
CREATE TABLE "prisoner" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(120) NOT NULL,
    "full_name" VARCHAR(200) NOT NULL,
    "search_text" TEXT NOT NULL DEFAULT '',
    "gender" "Gender" NOT NULL DEFAULT 'UNSPECIFIED',
    "birth_date" DATE,
    "birth_precision" "DatePrecision",
    "biography" VARCHAR(20000),
    "state" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prisoner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prisoner_private" (
    "prisoner_id" UUID NOT NULL,
    "family_contact" VARCHAR(2000),
    "health_details" VARCHAR(5000),
    "internal_notes" VARCHAR(20000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prisoner_private_pkey" PRIMARY KEY ("prisoner_id")
);

-- CreateTable
CREATE TABLE "prisoner_name" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "prisoner_id" UUID NOT NULL,
    "value" VARCHAR(200) NOT NULL,
    "kind" "NameKind" NOT NULL,
    "script" VARCHAR(4) NOT NULL DEFAULT 'Latn',
    "language" VARCHAR(16),

    CONSTRAINT "prisoner_name_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "category" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(120) NOT NULL,

    CONSTRAINT "category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prisoner_category" (
    "prisoner_id" UUID NOT NULL,
    "category_id" UUID NOT NULL,

    CONSTRAINT "prisoner_category_pkey" PRIMARY KEY ("prisoner_id","category_id")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(200) NOT NULL,
    "kind" "OrganizationKind" NOT NULL DEFAULT 'OTHER',
    "url" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "affiliation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "prisoner_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "role" VARCHAR(200),
    "since_date" DATE,
    "since_precision" "DatePrecision",

    CONSTRAINT "affiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recognition" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "prisoner_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "since_date" DATE,
    "since_precision" "DatePrecision",
    "url" VARCHAR(2000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "recognition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portrait" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "prisoner_id" UUID NOT NULL,
    "storage_key" VARCHAR(300) NOT NULL,
    "mime_type" VARCHAR(40) NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "alt_text" VARCHAR(500),
    "credit" VARCHAR(300) NOT NULL,
    "licence" VARCHAR(200) NOT NULL,
    "consent" "PortraitConsent" NOT NULL,
    "consent_note" VARCHAR(1000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portrait_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criminal_case" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "prisoner_id" UUID NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "case_number" VARCHAR(100),
    "prosecuting_body" VARCHAR(300),
    "opened_date" DATE,
    "opened_precision" "DatePrecision",
    "summary" VARCHAR(20000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "criminal_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criminal_code_article" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "article" VARCHAR(40) NOT NULL,
    "code" VARCHAR(200) NOT NULL DEFAULT 'Criminal Code of the Republic of Azerbaijan',
    "title" VARCHAR(500),

    CONSTRAINT "criminal_code_article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "charge" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "article_id" UUID,
    "description" VARCHAR(1000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "charge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "facility" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(120) NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kind" "FacilityKind" NOT NULL,
    "postal_address" VARCHAR(1000),
    "city" VARCHAR(120),
    "country" CHAR(2) NOT NULL DEFAULT 'AZ',
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "custody_period" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "prisoner_id" UUID NOT NULL,
    "case_id" UUID,
    "kind" "CustodyKind" NOT NULL DEFAULT 'DETENTION',
    "start_date" DATE NOT NULL,
    "start_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "start_qualifier" "DateQualifier" NOT NULL DEFAULT 'EXACT',
    "end_date" DATE,
    "end_precision" "DatePrecision",
    "release_reason" "ReleaseReason",
    "release_decree_id" UUID,
    "note" VARCHAR(5000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "custody_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "placement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "custody_period_id" UUID NOT NULL,
    "facility_id" UUID NOT NULL,
    "from_date" DATE NOT NULL,
    "from_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "from_qualifier" "DateQualifier" NOT NULL DEFAULT 'EXACT',
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "detention_extension" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "custody_period_id" UUID NOT NULL,
    "hearing_id" UUID,
    "motion_id" UUID,
    "ordered_on" DATE NOT NULL,
    "until" DATE NOT NULL,
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "detention_extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "court" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(120) NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kind" "CourtKind" NOT NULL,
    "city" VARCHAR(120),
    "country" CHAR(2),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "court_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "judge" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "full_name" VARCHAR(200) NOT NULL,
    "court_id" UUID,
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "judge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lawyer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(120) NOT NULL,
    "full_name" VARCHAR(200) NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "prisoner_id" UUID,
    "state" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "lawyer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_lawyer" (
    "case_id" UUID NOT NULL,
    "lawyer_id" UUID NOT NULL,
    "since_date" DATE,
    "since_precision" "DatePrecision",

    CONSTRAINT "case_lawyer_pkey" PRIMARY KEY ("case_id","lawyer_id")
);

-- CreateTable
CREATE TABLE "hearing" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "court_id" UUID,
    "judge_id" UUID,
    "date" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "time_of_day" VARCHAR(5),
    "kind" "HearingKind" NOT NULL,
    "status" "HearingStatus" NOT NULL,
    "outcome" VARCHAR(5000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hearing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hearing_lawyer" (
    "hearing_id" UUID NOT NULL,
    "lawyer_id" UUID NOT NULL,

    CONSTRAINT "hearing_lawyer_pkey" PRIMARY KEY ("hearing_id","lawyer_id")
);

-- CreateTable
CREATE TABLE "motion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "hearing_id" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "filed_by" "MotionParty" NOT NULL,
    "lawyer_id" UUID,
    "kind" "MotionKind" NOT NULL,
    "description" VARCHAR(2000),
    "ruling" "Ruling" NOT NULL DEFAULT 'PENDING',
    "ruling_note" VARCHAR(2000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "motion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verdict" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "hearing_id" UUID,
    "court_id" UUID,
    "date" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "outcome" "VerdictOutcome" NOT NULL,
    "sentence_kind" "SentenceKind",
    "sentence_months" INTEGER,
    "summary" VARCHAR(5000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "verdict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appeal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "verdict_id" UUID NOT NULL,
    "court_id" UUID,
    "filed_date" DATE,
    "decided_date" DATE,
    "result" "AppealResult" NOT NULL DEFAULT 'PENDING',
    "new_sentence_months" INTEGER,
    "summary" VARCHAR(5000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decree" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "DecreeKind" NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "number" VARCHAR(100),
    "signed_date" DATE NOT NULL,
    "signed_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "signed_by" VARCHAR(200),
    "url" VARCHAR(2000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "decree_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decree_beneficiary" (
    "decree_id" UUID NOT NULL,
    "prisoner_id" UUID NOT NULL,

    CONSTRAINT "decree_beneficiary_pkey" PRIMARY KEY ("decree_id","prisoner_id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "SourceKind" NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "url" VARCHAR(2000),
    "publisher" VARCHAR(300),
    "published_date" DATE,
    "published_precision" "DatePrecision",
    "archived_copy" VARCHAR(2000),
    "state" "PublicationState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_private" (
    "source_id" UUID NOT NULL,
    "identity" VARCHAR(2000),
    "contact" VARCHAR(2000),
    "notes" VARCHAR(20000),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "source_private_pkey" PRIMARY KEY ("source_id")
);

-- CreateTable
CREATE TABLE "citation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "source_id" UUID NOT NULL,
    "excerpt" VARCHAR(5000),
    "locator" VARCHAR(300),
    "prisoner_id" UUID,
    "affiliation_id" UUID,
    "recognition_id" UUID,
    "case_id" UUID,
    "charge_id" UUID,
    "custody_period_id" UUID,
    "placement_id" UUID,
    "detention_extension_id" UUID,
    "hearing_id" UUID,
    "motion_id" UUID,
    "verdict_id" UUID,
    "appeal_id" UUID,
    "decree_id" UUID,
    "update_id" UUID,
    "lawyer_id" UUID,

    CONSTRAINT "citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advocacy_update" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "UpdateKind" NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "body" VARCHAR(20000),
    "date" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "location" VARCHAR(300),
    "state" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "advocacy_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "update_prisoner" (
    "update_id" UUID NOT NULL,
    "prisoner_id" UUID NOT NULL,

    CONSTRAINT "update_prisoner_pkey" PRIMARY KEY ("update_id","prisoner_id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(320) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "password_hash" VARCHAR(500),
    "totp_secret" VARCHAR(200),
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "disabled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_label" VARCHAR(200) NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "entity_type" VARCHAR(60) NOT NULL,
    "entity_id" VARCHAR(100) NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "prisoner_slug_key" ON "prisoner"("slug");

-- CreateIndex
CREATE INDEX "prisoner_state_full_name_idx" ON "prisoner"("state", "full_name");

-- CreateIndex
CREATE UNIQUE INDEX "prisoner_name_prisoner_id_value_key" ON "prisoner_name"("prisoner_id", "value");

-- CreateIndex
CREATE UNIQUE INDEX "category_slug_key" ON "category"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "category_name_key" ON "category"("name");

-- CreateIndex
CREATE INDEX "prisoner_category_category_id_idx" ON "prisoner_category"("category_id");

-- CreateIndex
CREATE UNIQUE INDEX "organization_name_key" ON "organization"("name");

-- CreateIndex
CREATE INDEX "affiliation_organization_id_idx" ON "affiliation"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "affiliation_prisoner_id_organization_id_key" ON "affiliation"("prisoner_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "recognition_prisoner_id_organization_id_key" ON "recognition"("prisoner_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "portrait_prisoner_id_key" ON "portrait"("prisoner_id");

-- CreateIndex
CREATE INDEX "criminal_case_prisoner_id_idx" ON "criminal_case"("prisoner_id");

-- CreateIndex
CREATE UNIQUE INDEX "criminal_case_prisoner_id_case_number_key" ON "criminal_case"("prisoner_id", "case_number");

-- CreateIndex
CREATE UNIQUE INDEX "criminal_code_article_code_article_key" ON "criminal_code_article"("code", "article");

-- CreateIndex
CREATE INDEX "charge_article_id_idx" ON "charge"("article_id");

-- CreateIndex
CREATE UNIQUE INDEX "charge_case_id_article_id_key" ON "charge"("case_id", "article_id");

-- CreateIndex
CREATE UNIQUE INDEX "facility_slug_key" ON "facility"("slug");

-- CreateIndex
CREATE INDEX "custody_period_prisoner_id_start_date_idx" ON "custody_period"("prisoner_id", "start_date");

-- CreateIndex
CREATE INDEX "custody_period_kind_start_date_end_date_idx" ON "custody_period"("kind", "start_date", "end_date");

-- CreateIndex
CREATE INDEX "custody_period_release_decree_id_idx" ON "custody_period"("release_decree_id");

-- CreateIndex
CREATE INDEX "placement_facility_id_idx" ON "placement"("facility_id");

-- CreateIndex
CREATE UNIQUE INDEX "placement_custody_period_id_from_date_key" ON "placement"("custody_period_id", "from_date");

-- CreateIndex
CREATE UNIQUE INDEX "detention_extension_motion_id_key" ON "detention_extension"("motion_id");

-- CreateIndex
CREATE INDEX "detention_extension_custody_period_id_until_idx" ON "detention_extension"("custody_period_id", "until");

-- CreateIndex
CREATE INDEX "detention_extension_hearing_id_idx" ON "detention_extension"("hearing_id");

-- CreateIndex
CREATE UNIQUE INDEX "court_slug_key" ON "court"("slug");

-- CreateIndex
CREATE INDEX "judge_court_id_idx" ON "judge"("court_id");

-- CreateIndex
CREATE UNIQUE INDEX "lawyer_slug_key" ON "lawyer"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "lawyer_prisoner_id_key" ON "lawyer"("prisoner_id");

-- CreateIndex
CREATE INDEX "case_lawyer_lawyer_id_idx" ON "case_lawyer"("lawyer_id");

-- CreateIndex
CREATE INDEX "hearing_case_id_date_idx" ON "hearing"("case_id", "date");

-- CreateIndex
CREATE INDEX "hearing_court_id_date_idx" ON "hearing"("court_id", "date");

-- CreateIndex
CREATE INDEX "hearing_status_date_idx" ON "hearing"("status", "date");

-- CreateIndex
CREATE INDEX "hearing_lawyer_lawyer_id_idx" ON "hearing_lawyer"("lawyer_id");

-- CreateIndex
CREATE INDEX "motion_lawyer_id_idx" ON "motion"("lawyer_id");

-- CreateIndex
CREATE UNIQUE INDEX "motion_hearing_id_position_key" ON "motion"("hearing_id", "position");

-- CreateIndex
CREATE INDEX "verdict_case_id_date_idx" ON "verdict"("case_id", "date");

-- CreateIndex
CREATE INDEX "appeal_verdict_id_idx" ON "appeal"("verdict_id");

-- CreateIndex
CREATE INDEX "decree_beneficiary_prisoner_id_idx" ON "decree_beneficiary"("prisoner_id");

-- CreateIndex
CREATE INDEX "citation_source_id_idx" ON "citation"("source_id");

-- CreateIndex
CREATE INDEX "citation_prisoner_id_idx" ON "citation"("prisoner_id");

-- CreateIndex
CREATE INDEX "citation_case_id_idx" ON "citation"("case_id");

-- CreateIndex
CREATE INDEX "citation_custody_period_id_idx" ON "citation"("custody_period_id");

-- CreateIndex
CREATE INDEX "citation_hearing_id_idx" ON "citation"("hearing_id");

-- CreateIndex
CREATE INDEX "citation_motion_id_idx" ON "citation"("motion_id");

-- CreateIndex
CREATE INDEX "citation_detention_extension_id_idx" ON "citation"("detention_extension_id");

-- CreateIndex
CREATE INDEX "citation_decree_id_idx" ON "citation"("decree_id");

-- CreateIndex
CREATE INDEX "citation_update_id_idx" ON "citation"("update_id");

-- CreateIndex
CREATE INDEX "advocacy_update_state_date_idx" ON "advocacy_update"("state", "date");

-- CreateIndex
CREATE INDEX "update_prisoner_prisoner_id_idx" ON "update_prisoner"("prisoner_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "audit_entry_entity_type_entity_id_at_idx" ON "audit_entry"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_actor_id_at_idx" ON "audit_entry"("actor_id", "at");

-- AddForeignKey
ALTER TABLE "prisoner_private" ADD CONSTRAINT "prisoner_private_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prisoner_name" ADD CONSTRAINT "prisoner_name_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prisoner_category" ADD CONSTRAINT "prisoner_category_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prisoner_category" ADD CONSTRAINT "prisoner_category_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portrait" ADD CONSTRAINT "portrait_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criminal_case" ADD CONSTRAINT "criminal_case_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charge" ADD CONSTRAINT "charge_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "criminal_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charge" ADD CONSTRAINT "charge_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "criminal_code_article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custody_period" ADD CONSTRAINT "custody_period_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custody_period" ADD CONSTRAINT "custody_period_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "criminal_case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custody_period" ADD CONSTRAINT "custody_period_release_decree_id_fkey" FOREIGN KEY ("release_decree_id") REFERENCES "decree"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placement" ADD CONSTRAINT "placement_custody_period_id_fkey" FOREIGN KEY ("custody_period_id") REFERENCES "custody_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placement" ADD CONSTRAINT "placement_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "detention_extension" ADD CONSTRAINT "detention_extension_custody_period_id_fkey" FOREIGN KEY ("custody_period_id") REFERENCES "custody_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "detention_extension" ADD CONSTRAINT "detention_extension_hearing_id_fkey" FOREIGN KEY ("hearing_id") REFERENCES "hearing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "detention_extension" ADD CONSTRAINT "detention_extension_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "motion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judge" ADD CONSTRAINT "judge_court_id_fkey" FOREIGN KEY ("court_id") REFERENCES "court"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lawyer" ADD CONSTRAINT "lawyer_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_lawyer" ADD CONSTRAINT "case_lawyer_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "criminal_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_lawyer" ADD CONSTRAINT "case_lawyer_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hearing" ADD CONSTRAINT "hearing_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "criminal_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hearing" ADD CONSTRAINT "hearing_court_id_fkey" FOREIGN KEY ("court_id") REFERENCES "court"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hearing" ADD CONSTRAINT "hearing_judge_id_fkey" FOREIGN KEY ("judge_id") REFERENCES "judge"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hearing_lawyer" ADD CONSTRAINT "hearing_lawyer_hearing_id_fkey" FOREIGN KEY ("hearing_id") REFERENCES "hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hearing_lawyer" ADD CONSTRAINT "hearing_lawyer_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "motion" ADD CONSTRAINT "motion_hearing_id_fkey" FOREIGN KEY ("hearing_id") REFERENCES "hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "motion" ADD CONSTRAINT "motion_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict" ADD CONSTRAINT "verdict_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "criminal_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict" ADD CONSTRAINT "verdict_hearing_id_fkey" FOREIGN KEY ("hearing_id") REFERENCES "hearing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict" ADD CONSTRAINT "verdict_court_id_fkey" FOREIGN KEY ("court_id") REFERENCES "court"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdict"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_court_id_fkey" FOREIGN KEY ("court_id") REFERENCES "court"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decree_beneficiary" ADD CONSTRAINT "decree_beneficiary_decree_id_fkey" FOREIGN KEY ("decree_id") REFERENCES "decree"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decree_beneficiary" ADD CONSTRAINT "decree_beneficiary_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_private" ADD CONSTRAINT "source_private_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_affiliation_id_fkey" FOREIGN KEY ("affiliation_id") REFERENCES "affiliation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_recognition_id_fkey" FOREIGN KEY ("recognition_id") REFERENCES "recognition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "criminal_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_charge_id_fkey" FOREIGN KEY ("charge_id") REFERENCES "charge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_custody_period_id_fkey" FOREIGN KEY ("custody_period_id") REFERENCES "custody_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_placement_id_fkey" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_detention_extension_id_fkey" FOREIGN KEY ("detention_extension_id") REFERENCES "detention_extension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_hearing_id_fkey" FOREIGN KEY ("hearing_id") REFERENCES "hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "motion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdict"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_appeal_id_fkey" FOREIGN KEY ("appeal_id") REFERENCES "appeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_decree_id_fkey" FOREIGN KEY ("decree_id") REFERENCES "decree"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_update_id_fkey" FOREIGN KEY ("update_id") REFERENCES "advocacy_update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citation" ADD CONSTRAINT "citation_lawyer_id_fkey" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "update_prisoner" ADD CONSTRAINT "update_prisoner_update_id_fkey" FOREIGN KEY ("update_id") REFERENCES "advocacy_update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "update_prisoner" ADD CONSTRAINT "update_prisoner_prisoner_id_fkey" FOREIGN KEY ("prisoner_id") REFERENCES "prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

