-- CreateTable
CREATE TABLE "RosterChangeNotice" (
    "districtId" UUID NOT NULL,
    "notifyAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RosterChangeNotice_pkey" PRIMARY KEY ("districtId")
);

-- AddForeignKey
ALTER TABLE "RosterChangeNotice" ADD CONSTRAINT "RosterChangeNotice_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;
