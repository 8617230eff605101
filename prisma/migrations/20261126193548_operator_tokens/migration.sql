-- CreateTable
CREATE TABLE "OperatorToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "OperatorToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OperatorToken_tokenHash_key" ON "OperatorToken"("tokenHash");

-- CreateIndex
CREATE INDEX "OperatorToken_createdAt_idx" ON "OperatorToken"("createdAt");

-- CreateIndex
CREATE INDEX "RosterImport_status_finishedAt_idx" ON "RosterImport"("status", "finishedAt");

-- CreateIndex
CREATE INDEX "DeliveryRun_status_finishedAt_idx" ON "DeliveryRun"("status", "finishedAt");
