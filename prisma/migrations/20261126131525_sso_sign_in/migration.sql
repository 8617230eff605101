-- CreateEnum
CREATE TYPE "SamlRequestPurpose" AS ENUM ('sign_in', 'test');

-- CreateEnum
CREATE TYPE "SsoOutcome" AS ENUM ('signed_in', 'created', 'not_provisioned', 'refused', 'test');

-- AlterTable
ALTER TABLE "Instance" ADD COLUMN     "launchKeyId" TEXT,
ADD COLUMN     "launchSigningKey" TEXT;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "launchUrl" TEXT;

-- AlterTable
ALTER TABLE "Activation" ADD COLUMN     "hiddenFromRoles" "RosterRole"[] DEFAULT ARRAY[]::"RosterRole"[];

-- CreateTable
CREATE TABLE "SsoConnection" (
    "districtId" UUID NOT NULL,
    "idpEntityId" TEXT NOT NULL,
    "idpSsoUrl" TEXT NOT NULL,
    "idpCertificates" TEXT[],
    "idpMetadataUrl" TEXT,
    "attributeMapping" JSONB NOT NULL,
    "accountTypeRules" JSONB NOT NULL,
    "scopeDomains" TEXT[],
    "signInEnabled" BOOLEAN NOT NULL DEFAULT false,
    "jitEnabled" BOOLEAN NOT NULL DEFAULT false,
    "idpInitiatedAllowed" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "SsoConnection_pkey" PRIMARY KEY ("districtId")
);

-- CreateTable
CREATE TABLE "SamlPendingRequest" (
    "id" TEXT NOT NULL,
    "districtId" UUID NOT NULL,
    "purpose" "SamlRequestPurpose" NOT NULL,
    "adminUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SamlPendingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamlAssertionSeen" (
    "districtId" UUID NOT NULL,
    "assertionId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamlAssertionSeen_pkey" PRIMARY KEY ("districtId","assertionId")
);

-- CreateTable
CREATE TABLE "SsoEvent" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "SsoOutcome" NOT NULL,
    "reason" TEXT,
    "nameId" TEXT,
    "email" TEXT,
    "personId" UUID,
    "sourcedId" TEXT,
    "idpInitiated" BOOLEAN NOT NULL DEFAULT false,
    "adminUserId" UUID,
    "details" JSONB,

    CONSTRAINT "SsoEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SamlPendingRequest_createdAt_idx" ON "SamlPendingRequest"("createdAt");

-- CreateIndex
CREATE INDEX "SamlAssertionSeen_expiresAt_idx" ON "SamlAssertionSeen"("expiresAt");

-- CreateIndex
CREATE INDEX "SsoEvent_districtId_at_idx" ON "SsoEvent"("districtId", "at");

-- AddForeignKey
ALTER TABLE "SsoConnection" ADD CONSTRAINT "SsoConnection_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoEvent" ADD CONSTRAINT "SsoEvent_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;
