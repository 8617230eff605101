-- CreateEnum
CREATE TYPE "ScimRoleSource" AS ENUM ('group', 'attribute');

-- CreateEnum
CREATE TYPE "ScimOutcome" AS ENUM ('success', 'failure');

-- CreateEnum
CREATE TYPE "ScimEffect" AS ENUM ('created', 'updated', 'deactivated', 'deleted');

-- CreateTable
CREATE TABLE "ScimToken" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ScimToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimUser" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "rosterUserId" UUID NOT NULL,
    "userName" TEXT NOT NULL,
    "userNameKey" TEXT NOT NULL,
    "externalId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "attributes" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimGroup" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "displayName" TEXT NOT NULL,
    "externalId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimGroupMember" (
    "groupId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "ScimGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "ScimRoleMapping" (
    "districtId" UUID NOT NULL,
    "source" "ScimRoleSource" NOT NULL DEFAULT 'group',
    "attribute" TEXT,
    "rules" JSONB NOT NULL DEFAULT '[]',
    "defaultRole" "RosterRole" NOT NULL DEFAULT 'student',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimRoleMapping_pkey" PRIMARY KEY ("districtId")
);

-- CreateTable
CREATE TABLE "ScimRequest" (
    "id" BIGSERIAL NOT NULL,
    "districtId" UUID NOT NULL,
    "tokenId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT,
    "userName" TEXT,
    "externalId" TEXT,
    "status" INTEGER NOT NULL,
    "outcome" "ScimOutcome" NOT NULL,
    "effect" "ScimEffect",
    "error" TEXT,
    "latencyMs" INTEGER NOT NULL,

    CONSTRAINT "ScimRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScimToken_tokenHash_key" ON "ScimToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ScimToken_districtId_createdAt_idx" ON "ScimToken"("districtId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScimUser_rosterUserId_key" ON "ScimUser"("rosterUserId");

-- CreateIndex
CREATE INDEX "ScimUser_districtId_externalId_idx" ON "ScimUser"("districtId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimUser_districtId_userNameKey_key" ON "ScimUser"("districtId", "userNameKey");

-- CreateIndex
CREATE INDEX "ScimGroup_districtId_displayName_idx" ON "ScimGroup"("districtId", "displayName");

-- CreateIndex
CREATE INDEX "ScimGroup_districtId_externalId_idx" ON "ScimGroup"("districtId", "externalId");

-- CreateIndex
CREATE INDEX "ScimGroupMember_userId_idx" ON "ScimGroupMember"("userId");

-- CreateIndex
CREATE INDEX "ScimRequest_districtId_at_idx" ON "ScimRequest"("districtId", "at" DESC);

-- AddForeignKey
ALTER TABLE "ScimToken" ADD CONSTRAINT "ScimToken_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimUser" ADD CONSTRAINT "ScimUser_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimUser" ADD CONSTRAINT "ScimUser_rosterUserId_fkey" FOREIGN KEY ("rosterUserId") REFERENCES "RosterUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroup" ADD CONSTRAINT "ScimGroup_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroupMember" ADD CONSTRAINT "ScimGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ScimGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroupMember" ADD CONSTRAINT "ScimGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ScimUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimRoleMapping" ADD CONSTRAINT "ScimRoleMapping_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimRequest" ADD CONSTRAINT "ScimRequest_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimRequest" ADD CONSTRAINT "ScimRequest_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ScimToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;
