-- CreateIndex
CREATE INDEX "RosterUser_mergedIntoId_idx" ON "RosterUser"("mergedIntoId");
