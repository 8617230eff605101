-- CreateEnum
CREATE TYPE "PersonSource" AS ENUM ('generated', 'scim', 'oneroster_csv', 'spreadsheet', 'api', 'sso');

-- CreateEnum
CREATE TYPE "ImportChannel" AS ENUM ('upload', 'sftp', 'api');

-- CreateEnum
CREATE TYPE "ImportFormat" AS ENUM ('oneroster_csv', 'spreadsheet');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('validating', 'previewed', 'applying', 'completed', 'failed', 'rejected', 'discarded');

-- CreateEnum
CREATE TYPE "ImportIssueKind" AS ENUM ('error', 'conflict', 'warning');

-- AlterTable
ALTER TABLE "Instance" ADD COLUMN     "sftpHostKey" TEXT;

-- AlterTable
ALTER TABLE "RosterUser" ADD COLUMN     "fieldSources" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "graduationYear" INTEGER,
ADD COLUMN     "mergedIntoId" UUID,
ADD COLUMN     "netid" TEXT,
ADD COLUMN     "netid2" TEXT,
ADD COLUMN     "netid3" TEXT,
ADD COLUMN     "source" "PersonSource" NOT NULL DEFAULT 'generated';

-- CreateTable
CREATE TABLE "ImportSettings" (
    "districtId" UUID NOT NULL,
    "accountTypes" JSONB NOT NULL DEFAULT '[]',
    "processAt" TEXT NOT NULL DEFAULT '02:00',
    "timeZone" TEXT NOT NULL DEFAULT 'America/New_York',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportSettings_pkey" PRIMARY KEY ("districtId")
);

-- CreateTable
CREATE TABLE "RosterImport" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "channel" "ImportChannel" NOT NULL,
    "format" "ImportFormat",
    "mode" TEXT,
    "fileName" TEXT,
    "fileBytes" INTEGER,
    "fileSha256" TEXT,
    "status" "ImportStatus" NOT NULL DEFAULT 'validating',
    "validRowsOnly" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "tokenId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validatedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "message" TEXT,

    CONSTRAINT "RosterImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RosterImportIssue" (
    "id" BIGSERIAL NOT NULL,
    "importId" UUID NOT NULL,
    "kind" "ImportIssueKind" NOT NULL,
    "file" TEXT,
    "line" INTEGER,
    "column" TEXT,
    "message" TEXT NOT NULL,

    CONSTRAINT "RosterImportIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RosterImportFile" (
    "importId" UUID NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "RosterImportFile_pkey" PRIMARY KEY ("importId")
);

-- CreateTable
CREATE TABLE "DistrictApiToken" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "DistrictApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SftpAccount" (
    "districtId" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "allowedNetworks" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),
    "lastProcessedAt" TIMESTAMP(3),

    CONSTRAINT "SftpAccount_pkey" PRIMARY KEY ("districtId")
);

-- CreateTable
CREATE TABLE "SftpKey" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "SftpKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DuplicateDismissal" (
    "districtId" UUID NOT NULL,
    "firstUserId" UUID NOT NULL,
    "secondUserId" UUID NOT NULL,
    "dismissedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DuplicateDismissal_pkey" PRIMARY KEY ("districtId","firstUserId","secondUserId")
);

-- CreateIndex
CREATE INDEX "RosterImport_districtId_createdAt_idx" ON "RosterImport"("districtId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "RosterImportIssue_importId_id_idx" ON "RosterImportIssue"("importId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictApiToken_tokenHash_key" ON "DistrictApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "DistrictApiToken_districtId_createdAt_idx" ON "DistrictApiToken"("districtId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SftpAccount_username_key" ON "SftpAccount"("username");

-- CreateIndex
CREATE UNIQUE INDEX "SftpKey_districtId_fingerprint_key" ON "SftpKey"("districtId", "fingerprint");

-- CreateIndex
CREATE INDEX "RosterUser_districtId_netid_idx" ON "RosterUser"("districtId", "netid");

-- CreateIndex
CREATE INDEX "RosterUser_districtId_netid2_idx" ON "RosterUser"("districtId", "netid2");

-- CreateIndex
CREATE INDEX "RosterUser_districtId_netid3_idx" ON "RosterUser"("districtId", "netid3");

-- AddForeignKey
ALTER TABLE "ImportSettings" ADD CONSTRAINT "ImportSettings_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterImport" ADD CONSTRAINT "RosterImport_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterImport" ADD CONSTRAINT "RosterImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterImportIssue" ADD CONSTRAINT "RosterImportIssue_importId_fkey" FOREIGN KEY ("importId") REFERENCES "RosterImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterImportFile" ADD CONSTRAINT "RosterImportFile_importId_fkey" FOREIGN KEY ("importId") REFERENCES "RosterImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictApiToken" ADD CONSTRAINT "DistrictApiToken_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SftpAccount" ADD CONSTRAINT "SftpAccount_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SftpKey" ADD CONSTRAINT "SftpKey_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateDismissal" ADD CONSTRAINT "DuplicateDismissal_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Imported rows match people by email without regard to case (Prisma cannot declare an expression index).
CREATE INDEX "RosterUser_districtId_lower_email_idx" ON "RosterUser"("districtId", lower("email"));

-- People who came over SCIM before sources were recorded.
UPDATE "RosterUser" r SET "source" = 'scim' FROM "ScimUser" s WHERE s."rosterUserId" = r.id;
