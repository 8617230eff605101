-- CreateEnum
CREATE TYPE "OrgType" AS ENUM ('district', 'school');

-- CreateEnum
CREATE TYPE "RosterStatus" AS ENUM ('active', 'tobedeleted');

-- CreateEnum
CREATE TYPE "ActivationMode" AS ENUM ('trial', 'standard');

-- CreateEnum
CREATE TYPE "ActivationOrigin" AS ENUM ('district', 'vendor_request');

-- CreateEnum
CREATE TYPE "ActivationStatus" AS ENUM ('active', 'deactivated');

-- CreateEnum
CREATE TYPE "ActivationEventKind" AS ENUM ('activated', 'upgraded', 'deactivated');

-- CreateEnum
CREATE TYPE "AccessRequestKind" AS ENUM ('revoke_school', 'vendor_access');

-- CreateEnum
CREATE TYPE "AccessRequestStatus" AS ENUM ('pending', 'approved', 'denied');

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Org" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "sourcedId" TEXT NOT NULL,
    "type" "OrgType" NOT NULL,
    "name" TEXT NOT NULL,
    "identifier" TEXT,
    "status" "RosterStatus" NOT NULL DEFAULT 'active',
    "dateLastModified" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Org_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Banner" (
    "applicationId" UUID NOT NULL,
    "headline" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "ctaLabel" TEXT NOT NULL,
    "backgroundColor" TEXT NOT NULL,
    "accentColor" TEXT NOT NULL,
    "imageId" UUID,
    "shown" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Banner_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "BannerImage" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BannerImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activation" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "mode" "ActivationMode" NOT NULL,
    "origin" "ActivationOrigin" NOT NULL,
    "status" "ActivationStatus" NOT NULL DEFAULT 'active',
    "autoProvisioned" BOOLEAN NOT NULL,
    "activatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" TIMESTAMP(3),

    CONSTRAINT "Activation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivationEvent" (
    "id" UUID NOT NULL,
    "activationId" UUID NOT NULL,
    "kind" "ActivationEventKind" NOT NULL,
    "mode" "ActivationMode" NOT NULL,
    "actorId" UUID,
    "idempotencyKey" TEXT,
    "webhookMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" UUID NOT NULL,
    "kind" "AccessRequestKind" NOT NULL,
    "applicationId" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "orgId" UUID,
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'pending',
    "openKey" TEXT,
    "autoApproved" BOOLEAN NOT NULL DEFAULT false,
    "requestedById" UUID,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Org_districtId_sourcedId_key" ON "Org"("districtId", "sourcedId");

-- CreateIndex
CREATE UNIQUE INDEX "Banner_imageId_key" ON "Banner"("imageId");

-- CreateIndex
CREATE INDEX "BannerImage_applicationId_idx" ON "BannerImage"("applicationId");

-- CreateIndex
CREATE INDEX "Activation_applicationId_status_idx" ON "Activation"("applicationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Activation_districtId_applicationId_key" ON "Activation"("districtId", "applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivationEvent_idempotencyKey_key" ON "ActivationEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ActivationEvent_activationId_createdAt_idx" ON "ActivationEvent"("activationId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AccessRequest_openKey_key" ON "AccessRequest"("openKey");

-- CreateIndex
CREATE INDEX "AccessRequest_applicationId_status_idx" ON "AccessRequest"("applicationId", "status");

-- CreateIndex
CREATE INDEX "AccessRequest_districtId_status_idx" ON "AccessRequest"("districtId", "status");

-- AddForeignKey
ALTER TABLE "Org" ADD CONSTRAINT "Org_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Banner" ADD CONSTRAINT "Banner_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Banner" ADD CONSTRAINT "Banner_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "BannerImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BannerImage" ADD CONSTRAINT "BannerImage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activation" ADD CONSTRAINT "Activation_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activation" ADD CONSTRAINT "Activation_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationEvent" ADD CONSTRAINT "ActivationEvent_activationId_fkey" FOREIGN KEY ("activationId") REFERENCES "Activation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationEvent" ADD CONSTRAINT "ActivationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationEvent" ADD CONSTRAINT "ActivationEvent_webhookMessageId_fkey" FOREIGN KEY ("webhookMessageId") REFERENCES "WebhookMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
