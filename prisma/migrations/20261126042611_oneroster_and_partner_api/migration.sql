-- CreateEnum
CREATE TYPE "AcademicSessionType" AS ENUM ('calendarYear', 'gradingPeriod', 'schoolYear', 'semester', 'term');

-- CreateEnum
CREATE TYPE "ClassType" AS ENUM ('homeroom', 'scheduled');

-- CreateEnum
CREATE TYPE "RosterRole" AS ENUM ('administrator', 'aide', 'guardian', 'parent', 'proctor', 'relative', 'student', 'teacher');

-- CreateEnum
CREATE TYPE "EnrollmentRole" AS ENUM ('administrator', 'proctor', 'student', 'teacher');

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "sandbox" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Org" ADD COLUMN     "metadata" JSONB,
ADD COLUMN     "parentSourcedId" TEXT;

-- CreateTable
CREATE TABLE "AcademicSession" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "sourcedId" TEXT NOT NULL,
    "status" "RosterStatus" NOT NULL DEFAULT 'active',
    "dateLastModified" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "metadata" JSONB,
    "title" TEXT NOT NULL,
    "type" "AcademicSessionType" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "parentSourcedId" TEXT,
    "schoolYear" TEXT NOT NULL,

    CONSTRAINT "AcademicSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "sourcedId" TEXT NOT NULL,
    "status" "RosterStatus" NOT NULL DEFAULT 'active',
    "dateLastModified" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "metadata" JSONB,
    "title" TEXT NOT NULL,
    "schoolYearSourcedId" TEXT,
    "courseCode" TEXT,
    "grades" TEXT[],
    "subjects" TEXT[],
    "subjectCodes" TEXT[],
    "orgSourcedId" TEXT NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Class" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "sourcedId" TEXT NOT NULL,
    "status" "RosterStatus" NOT NULL DEFAULT 'active',
    "dateLastModified" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "metadata" JSONB,
    "title" TEXT NOT NULL,
    "classCode" TEXT,
    "classType" "ClassType" NOT NULL,
    "location" TEXT,
    "grades" TEXT[],
    "subjects" TEXT[],
    "subjectCodes" TEXT[],
    "periods" TEXT[],
    "courseSourcedId" TEXT NOT NULL,
    "schoolSourcedId" TEXT NOT NULL,
    "termSourcedIds" TEXT[],

    CONSTRAINT "Class_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RosterUser" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "sourcedId" TEXT NOT NULL,
    "status" "RosterStatus" NOT NULL DEFAULT 'active',
    "dateLastModified" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "metadata" JSONB,
    "username" TEXT NOT NULL,
    "userIds" JSONB NOT NULL DEFAULT '[]',
    "enabledUser" BOOLEAN NOT NULL DEFAULT true,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "middleName" TEXT,
    "role" "RosterRole" NOT NULL,
    "identifier" TEXT,
    "email" TEXT,
    "sms" TEXT,
    "phone" TEXT,
    "agentSourcedIds" TEXT[],
    "orgSourcedIds" TEXT[],
    "grades" TEXT[],

    CONSTRAINT "RosterUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "sourcedId" TEXT NOT NULL,
    "status" "RosterStatus" NOT NULL DEFAULT 'active',
    "dateLastModified" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "metadata" JSONB,
    "userSourcedId" TEXT NOT NULL,
    "classSourcedId" TEXT NOT NULL,
    "schoolSourcedId" TEXT NOT NULL,
    "role" "EnrollmentRole" NOT NULL,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    "beginDate" DATE,
    "endDate" DATE,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Demographic" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "sourcedId" TEXT NOT NULL,
    "status" "RosterStatus" NOT NULL DEFAULT 'active',
    "dateLastModified" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "metadata" JSONB,
    "birthDate" DATE,
    "sex" TEXT,
    "americanIndianOrAlaskaNative" BOOLEAN,
    "asian" BOOLEAN,
    "blackOrAfricanAmerican" BOOLEAN,
    "nativeHawaiianOrOtherPacificIslander" BOOLEAN,
    "white" BOOLEAN,
    "demographicRaceTwoOrMoreRaces" BOOLEAN,
    "hispanicOrLatinoEthnicity" BOOLEAN,
    "countryOfBirthCode" TEXT,
    "stateOfBirthAbbreviation" TEXT,
    "cityOfBirth" TEXT,
    "publicSchoolResidenceStatus" TEXT,

    CONSTRAINT "Demographic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerApiKey" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "PartnerApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataApiCredential" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "clientId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "encryptedSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataApiCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataApiToken" (
    "id" UUID NOT NULL,
    "credentialId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AcademicSession_districtId_sourcedId_key" ON "AcademicSession"("districtId", "sourcedId");

-- CreateIndex
CREATE UNIQUE INDEX "Course_districtId_sourcedId_key" ON "Course"("districtId", "sourcedId");

-- CreateIndex
CREATE INDEX "Class_districtId_schoolSourcedId_idx" ON "Class"("districtId", "schoolSourcedId");

-- CreateIndex
CREATE INDEX "Class_districtId_courseSourcedId_idx" ON "Class"("districtId", "courseSourcedId");

-- CreateIndex
CREATE UNIQUE INDEX "Class_districtId_sourcedId_key" ON "Class"("districtId", "sourcedId");

-- CreateIndex
CREATE INDEX "RosterUser_districtId_role_sourcedId_idx" ON "RosterUser"("districtId", "role", "sourcedId");

-- CreateIndex
CREATE UNIQUE INDEX "RosterUser_districtId_sourcedId_key" ON "RosterUser"("districtId", "sourcedId");

-- CreateIndex
CREATE INDEX "Enrollment_districtId_classSourcedId_role_idx" ON "Enrollment"("districtId", "classSourcedId", "role");

-- CreateIndex
CREATE INDEX "Enrollment_districtId_userSourcedId_idx" ON "Enrollment"("districtId", "userSourcedId");

-- CreateIndex
CREATE INDEX "Enrollment_districtId_schoolSourcedId_idx" ON "Enrollment"("districtId", "schoolSourcedId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_districtId_sourcedId_key" ON "Enrollment"("districtId", "sourcedId");

-- CreateIndex
CREATE UNIQUE INDEX "Demographic_districtId_sourcedId_key" ON "Demographic"("districtId", "sourcedId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerApiKey_keyHash_key" ON "PartnerApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "PartnerApiKey_vendorId_createdAt_idx" ON "PartnerApiKey"("vendorId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "DataApiCredential_clientId_key" ON "DataApiCredential"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "DataApiCredential_vendorId_districtId_key" ON "DataApiCredential"("vendorId", "districtId");

-- CreateIndex
CREATE UNIQUE INDEX "DataApiToken_tokenHash_key" ON "DataApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "DataApiToken_expiresAt_idx" ON "DataApiToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "AcademicSession" ADD CONSTRAINT "AcademicSession_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Class" ADD CONSTRAINT "Class_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterUser" ADD CONSTRAINT "RosterUser_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demographic" ADD CONSTRAINT "Demographic_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerApiKey" ADD CONSTRAINT "PartnerApiKey_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerApiKey" ADD CONSTRAINT "PartnerApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataApiCredential" ADD CONSTRAINT "DataApiCredential_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataApiCredential" ADD CONSTRAINT "DataApiCredential_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataApiToken" ADD CONSTRAINT "DataApiToken_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "DataApiCredential"("id") ON DELETE CASCADE ON UPDATE CASCADE;
