import type { Metadata } from "next";
import Link from "next/link";
import { AddSftpKeyForm } from "@/components/sftp/add-sftp-key-form";
import { AllowedNetworksForm } from "@/components/sftp/allowed-networks-form";
import { ConnectionDetails } from "@/components/sftp/connection-details";
import { InboxFiles } from "@/components/sftp/inbox-files";
import { ProcessNowButton } from "@/components/sftp/process-now-button";
import { ProcessingScheduleForm } from "@/components/sftp/processing-schedule-form";
import { SftpKeyList } from "@/components/sftp/sftp-key-list";
import { Alert } from "@/components/ui/alert";
import { PageSection } from "@/components/ui/page-section";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { ensureSftpAccount, getProcessingSchedule, listSftpKeys } from "@/lib/sftp/accounts";
import { listInbox } from "@/lib/sftp/folders";
import { getHostKey } from "@/lib/sftp/host-key";
import { timeZoneChoices } from "@/lib/sftp/schema";

export const metadata: Metadata = { title: "SFTP drop · Imports" };

export default async function ImportsSftpPage() {
  const admin = await requireDistrictAdmin();
  const account = await ensureSftpAccount(admin.districtId);
  const [keys, schedule, waiting, hostKey] = await Promise.all([
    listSftpKeys(admin.districtId),
    getProcessingSchedule(admin.districtId),
    listInbox(admin.districtId),
    getHostKey(),
  ]);
  const { sftpHost, sftpPort } = getConfig();

  return (
    <>
      <h2 className="text-xl font-semibold">SFTP drop</h2>
      <p className="mt-1 max-w-4xl text-sm text-slate-600">
        Your student information system can put people spreadsheets (.csv, .xlsx) and OneRoster CSV zips into <code>inbox/</code> over SFTP. Rollcall
        processes the inbox every day at {schedule.processAt} ({schedule.timeZone.replaceAll("_", " ")}) and when you click Process now: valid rows are
        applied without a preview and the rest are reported in the{" "}
        <Link href="/district/imports" className="text-brand-700 underline">
          import history
        </Link>
        . Processed files move to <code>archive/</code>; files that are not data move to <code>rejected/</code>. Sign-in is by SSH key only.
      </p>
      {sftpPort === 0 ? (
        <div className="mt-4 max-w-4xl">
          <Alert tone="warning">
            The SFTP server is off on this Rollcall instance, so no one can connect yet. Ask your Rollcall operator to set SFTP_PORT; your keys and
            settings here are kept.
          </Alert>
        </div>
      ) : null}

      <PageSection level={3} id="connection" title="Connection">
        <p className="mb-4 max-w-4xl text-sm text-slate-600">
          On the first connection, check that the host key fingerprint your client shows is this one before accepting it.
        </p>
        <ConnectionDetails host={sftpHost} port={sftpPort} username={account.username} fingerprint={hostKey.fingerprint} />
      </PageSection>

      <PageSection level={3} id="keys" title="SSH keys">
        <div className="space-y-4">
          <SftpKeyList
            keys={keys.map((key) => ({ ...key, createdAt: key.createdAt.toISOString(), lastUsedAt: key.lastUsedAt?.toISOString() ?? null }))}
          />
          <AddSftpKeyForm />
        </div>
      </PageSection>

      <PageSection level={3} id="networks" title="Allowed networks">
        <AllowedNetworksForm networks={account.allowedNetworks} />
      </PageSection>

      <PageSection level={3} id="processing" title="Processing">
        <div className="space-y-4">
          <ProcessingScheduleForm schedule={schedule} timeZones={timeZoneChoices(schedule.timeZone)} />
          <ProcessNowButton waiting={waiting.length} lastProcessedAt={account.lastProcessedAt?.toISOString() ?? null} />
        </div>
      </PageSection>

      <PageSection level={3} id="inbox" title="Waiting in the inbox">
        <InboxFiles files={waiting.map((file) => ({ ...file, receivedAt: file.receivedAt.toISOString() }))} />
      </PageSection>
    </>
  );
}
