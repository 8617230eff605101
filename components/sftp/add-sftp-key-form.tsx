"use client";

// Adding an SSH public key to the district's SFTP account.
import { PublicKeyForm } from "@/components/sftp/public-key-form";
import { addSftpKeyAction } from "@/lib/sftp/actions";

export function AddSftpKeyForm() {
  return (
    <PublicKeyForm
      add={addSftpKeyAction}
      namePlaceholder="Student information system"
      keyPlaceholder="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… sis@district.example.org"
      hint={
        <>
          The one line of the <code>.pub</code> file: <code>ssh-ed25519</code>, or <code>ssh-rsa</code> of 2048 bits or more. Make one with{" "}
          <code>ssh-keygen -t ed25519 -f rollcall_sftp</code> and paste <code>rollcall_sftp.pub</code>. Never paste the private key.
        </>
      }
    />
  );
}
