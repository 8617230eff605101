"use client";

// Rollcall-hosted delivery: the account on Rollcall's SFTP server, the outbox layout, and the
// public keys the vendor's systems sign in with.
import { ConnectionDetails } from "@/components/sftp/connection-details";
import { PublicKeyForm } from "@/components/sftp/public-key-form";
import { PublicKeyTable, type PublicKeyRow } from "@/components/sftp/public-key-table";
import { Alert } from "@/components/ui/alert";
import { addOutboxKeyAction, removeOutboxKeyAction } from "@/lib/deliveries/actions";

export type OutboxKeyView = PublicKeyRow;
export type OutboxView = { host: string; port: number; username: string | null; hostKeyFingerprint: string; serverOn: boolean; keys: OutboxKeyView[] };

export function HostedOutbox({ applicationId, outbox, saved }: { applicationId: string; outbox: OutboxView; saved: boolean }) {
  return (
    <div className="space-y-4 rounded-md border border-slate-200 bg-slate-50 p-4">
      <h3 className="text-sm font-semibold text-slate-900">Your outbox on Rollcall</h3>
      {outbox.serverOn ? null : (
        <Alert tone="warning">This Rollcall instance runs no SFTP server, so files can be placed in your outbox but not pulled. Ask its operator to turn the SFTP server on, or deliver to your own SFTP server.</Alert>
      )}
      {outbox.username && saved ? (
        <ConnectionDetails host={outbox.host} port={outbox.port} username={outbox.username} fingerprint={outbox.hostKeyFingerprint} />
      ) : (
        <p className="text-sm text-slate-600">Save this destination to create your account; its user name and connection details appear here.</p>
      )}
      <p className="text-sm text-slate-600">
        Each district&apos;s files are in <code>/outbox/&lt;districtGUID&gt;/</code>, written under a temporary name and renamed when complete, so a
        file you see is whole. Download the files, then remove them.
      </p>
      <h4 className="text-sm font-semibold text-slate-900">Public keys</h4>
      <OutboxKeyList applicationId={applicationId} keys={outbox.keys} />
      <AddOutboxKeyForm applicationId={applicationId} />
    </div>
  );
}

function OutboxKeyList({ applicationId, keys }: { applicationId: string; keys: OutboxKeyView[] }) {
  return (
    <PublicKeyTable
      keys={keys}
      empty="No keys yet, so nothing can sign in. Add the public key of each system that pulls your files."
      consequence="Sign-ins with this key are refused from now on."
      remove={(keyId) => removeOutboxKeyAction({ applicationId, keyId })}
    />
  );
}

function AddOutboxKeyForm({ applicationId }: { applicationId: string }) {
  return (
    <PublicKeyForm
      add={(input) => addOutboxKeyAction({ ...input, applicationId })}
      namePlaceholder="Nightly import job"
      keyPlaceholder="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… import@vendor.example"
      hint="The one line of the .pub file (ssh-ed25519, or ssh-rsa of 2048 bits or more). Never paste the private key."
    />
  );
}
