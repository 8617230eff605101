-- CreateEnum
CREATE TYPE "WebhookMode" AS ENUM ('test', 'trial', 'standard');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'retrying', 'delivered', 'failed');

-- CreateTable
CREATE TABLE "WebhookSigningSecret" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "encryptedSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "WebhookSigningSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookMessage" (
    "id" TEXT NOT NULL,
    "applicationId" UUID NOT NULL,
    "eventType" TEXT NOT NULL,
    "mode" "WebhookMode" NOT NULL,
    "districtGuid" TEXT NOT NULL,
    "districtName" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "maxAttempts" INTEGER NOT NULL,
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastLatencyMs" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "url" TEXT NOT NULL,
    "requestHeaders" JSONB NOT NULL,
    "configVersion" INTEGER,
    "succeeded" BOOLEAN NOT NULL,
    "responseStatus" INTEGER,
    "responseHeaders" JSONB,
    "responseBody" TEXT,
    "responseBodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "latencyMs" INTEGER NOT NULL,
    "timings" JSONB NOT NULL,
    "errorKind" TEXT,
    "errorMessage" TEXT,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookSigningSecret_applicationId_createdAt_idx" ON "WebhookSigningSecret"("applicationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "WebhookMessage_applicationId_id_idx" ON "WebhookMessage"("applicationId", "id" DESC);

-- CreateIndex
CREATE INDEX "WebhookMessage_applicationId_status_id_idx" ON "WebhookMessage"("applicationId", "status", "id" DESC);

-- CreateIndex
CREATE INDEX "WebhookAttempt_messageId_startedAt_idx" ON "WebhookAttempt"("messageId", "startedAt");

-- AddForeignKey
ALTER TABLE "WebhookSigningSecret" ADD CONSTRAINT "WebhookSigningSecret_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookMessage" ADD CONSTRAINT "WebhookMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "WebhookMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
