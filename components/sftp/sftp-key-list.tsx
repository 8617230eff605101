"use client";

// The SSH keys that may sign in to the district's SFTP account.
import { PublicKeyTable, type PublicKeyRow } from "@/components/sftp/public-key-table";
import { removeSftpKeyAction } from "@/lib/sftp/actions";

export type SftpKeyRow = PublicKeyRow;

export function SftpKeyList({ keys }: { keys: SftpKeyRow[] }) {
  return (
    <PublicKeyTable
      keys={keys}
      empty="No keys yet, so nothing can sign in. Add the public key of each system that will drop files (your SIS, a nightly script), so you can remove one without stopping the others."
      consequence="New sign-ins with this key are refused."
      remove={(keyId) => removeSftpKeyAction({ keyId })}
    />
  );
}
