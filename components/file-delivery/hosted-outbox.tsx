"use client";

// Rollcall-hosted delivery: the account on Rollcall's SFTP server, the outbox layout, and the
// public keys the vendor's systems sign in with.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { ConnectionDetails } from "@/components/sftp/connection-details";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmedActionButton } from "@/components/ui/confirmed-action-button";
import { Field, FieldHelp } from "@/components/ui/field";
import { addOutboxKeyAction, removeOutboxKeyAction } from "@/lib/deliveries/actions";
import { addSftpKeySchema, type AddSftpKeyInput } from "@/lib/sftp/schema";

export type OutboxKeyView = { id: string; name: string; algorithm: string; fingerprint: string; createdAt: string; lastUsedAt: string | null };
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
  if (keys.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">No keys yet, so nothing can sign in. Add the public key of each system that pulls your files.</p>;
  }
  return (
    <table className="w-full overflow-hidden rounded-md border border-slate-200 bg-white text-left text-sm">
      <caption className="sr-only">Public keys of the outbox</caption>
      <thead className="bg-slate-50 text-slate-600">
        <tr>
          <th className="px-3 py-2 font-medium">Name</th>
          <th className="px-3 py-2 font-medium">Fingerprint</th>
          <th className="px-3 py-2 font-medium">Added</th>
          <th className="px-3 py-2 font-medium">Last used</th>
          <th className="px-3 py-2 font-medium">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2 font-medium">{key.name}</td>
            <td className="px-3 py-2 font-mono text-xs break-all text-slate-600">
              {key.algorithm} {key.fingerprint}
            </td>
            <td className="px-3 py-2">
              <LocalDateTime at={key.createdAt} compact />
            </td>
            <td className="px-3 py-2">{key.lastUsedAt ? <LocalDateTime at={key.lastUsedAt} compact /> : <span className="text-slate-500">Never</span>}</td>
            <td className="px-3 py-2 text-right">
              <ConfirmedActionButton
                verb="Remove"
                doing="Removing"
                subject={key.name}
                consequence="Sign-ins with this key are refused from now on."
                run={() => removeOutboxKeyAction({ applicationId, keyId: key.id })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddOutboxKeyForm({ applicationId }: { applicationId: string }) {
  const router = useRouter();
  const keyId = useId();
  const [added, setAdded] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<AddSftpKeyInput>({
    resolver: zodResolver(addSftpKeySchema),
    defaultValues: { name: "", publicKey: "" },
  });
  const add = useMutation({
    mutationFn: addOutboxKeyAction,
    onSuccess: (result, input) => {
      if (result.ok) {
        setAdded(input.name);
        reset();
        router.refresh();
        return;
      }
      if (result.fieldErrors?.publicKey) setError("publicKey", { message: result.fieldErrors.publicKey });
      else if (result.fieldErrors?.name) setError("name", { message: result.fieldErrors.name });
      else setError("root", { message: result.formError });
    },
    onError: () => setError("root", { message: "The key could not be sent: the connection failed. Nothing was saved; try again." }),
  });

  return (
    <form
      aria-label="Add a public key"
      noValidate
      onSubmit={handleSubmit((input) => {
        setAdded(null);
        add.mutate({ ...input, applicationId });
      })}
      className="space-y-3"
    >
      <Field label="Key name" placeholder="Nightly import job" autoComplete="off" error={formState.errors.name?.message} {...register("name")} />
      <div>
        <label htmlFor={keyId} className="mb-1 block text-sm font-medium text-slate-800">
          Public key
        </label>
        <textarea
          id={keyId}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          placeholder="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… import@vendor.example"
          aria-invalid={formState.errors.publicKey ? true : undefined}
          aria-describedby={formState.errors.publicKey ? `${keyId}-error` : `${keyId}-hint`}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          {...register("publicKey")}
        />
        <FieldHelp id={keyId} error={formState.errors.publicKey?.message} hint="The one line of the .pub file (ssh-ed25519, or ssh-rsa of 2048 bits or more). Never paste the private key." />
      </div>
      {formState.errors.root?.message ? <Alert tone="error">{formState.errors.root.message}</Alert> : null}
      {added ? <Alert tone="success">Key “{added}” added. Systems holding its private key can sign in now.</Alert> : null}
      <Button type="submit" variant="secondary" disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add key"}
      </Button>
    </form>
  );
}
