-- CreateEnum
CREATE TYPE "DeliveryFormat" AS ENUM ('oneroster_csv', 'custom_csv');

-- CreateEnum
CREATE TYPE "DeliveryDestination" AS ENUM ('vendor_sftp', 'rollcall_hosted');

-- CreateEnum
CREATE TYPE "DeliverySchedule" AS ENUM ('daily', 'every_hours');

-- CreateEnum
CREATE TYPE "DeliveryRunStatus" AS ENUM ('queued', 'running', 'delivered', 'failed', 'stopped');

-- CreateTable
CREATE TABLE "FileDelivery" (
    "applicationId" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "format" "DeliveryFormat" NOT NULL DEFAULT 'oneroster_csv',
    "oneRosterDelta" BOOLEAN NOT NULL DEFAULT false,
    "destination" "DeliveryDestination" NOT NULL DEFAULT 'rollcall_hosted',
    "sftpHost" TEXT,
    "sftpPort" INTEGER NOT NULL DEFAULT 22,
    "sftpUsername" TEXT,
    "sftpFolder" TEXT NOT NULL DEFAULT '/',
    "sftpPrivateKey" TEXT,
    "sftpPublicKey" TEXT,
    "pinnedHostKey" TEXT,
    "presentedHostKey" TEXT,
    "presentedHostKeyAt" TIMESTAMP(3),
    "outboxUsername" TEXT,
    "schedule" "DeliverySchedule" NOT NULL DEFAULT 'daily',
    "dailyAt" TEXT NOT NULL DEFAULT '02:00',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "everyHours" INTEGER NOT NULL DEFAULT 6,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "FileDelivery_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "CustomFormatVersion" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "CustomFormatVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryRun" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "DeliveryRunStatus" NOT NULL DEFAULT 'queued',
    "format" "DeliveryFormat" NOT NULL,
    "formatVersion" INTEGER,
    "deltaSince" TIMESTAMP(3),
    "destination" TEXT NOT NULL DEFAULT '',
    "files" JSONB NOT NULL DEFAULT '[]',
    "rows" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "errorKind" TEXT,
    "error" TEXT,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "nextAttemptAt" TIMESTAMP(3),

    CONSTRAINT "DeliveryRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxKey" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FileDelivery_outboxUsername_key" ON "FileDelivery"("outboxUsername");

-- CreateIndex
CREATE UNIQUE INDEX "CustomFormatVersion_applicationId_version_key" ON "CustomFormatVersion"("applicationId", "version");

-- CreateIndex
CREATE INDEX "DeliveryRun_applicationId_queuedAt_idx" ON "DeliveryRun"("applicationId", "queuedAt");

-- CreateIndex
CREATE INDEX "DeliveryRun_applicationId_districtId_status_finishedAt_idx" ON "DeliveryRun"("applicationId", "districtId", "status", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxKey_applicationId_fingerprint_key" ON "OutboxKey"("applicationId", "fingerprint");

-- AddForeignKey
ALTER TABLE "FileDelivery" ADD CONSTRAINT "FileDelivery_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomFormatVersion" ADD CONSTRAINT "CustomFormatVersion_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryRun" ADD CONSTRAINT "DeliveryRun_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryRun" ADD CONSTRAINT "DeliveryRun_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxKey" ADD CONSTRAINT "OutboxKey_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
