-- CreateIndex
CREATE INDEX "ScimRequest_tokenId_at_idx" ON "ScimRequest"("tokenId", "at" DESC);
