"use client";

// A host key the vendor's server presented that is not the trusted one: shown with its
// fingerprint (and the old one when it changed) and a button to trust it.
import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trustHostKeyAction } from "@/lib/deliveries/actions";

type HostKeyPanelProps = { applicationId: string; presented: string; pinned: string | null; onTrusted: (pinned: string) => void };

export function HostKeyPanel({ applicationId, presented, pinned, onTrusted }: HostKeyPanelProps) {
  const trust = useMutation({
    mutationFn: trustHostKeyAction,
    onSuccess: (result) => {
      if (result.ok) onTrusted(result.data.pinnedHostKey);
    },
  });
  const failure = trust.isError ? "The request failed: try again." : trust.data && !trust.data.ok ? trust.data.formError : null;

  return (
    <Alert tone={pinned ? "warning" : "info"}>
      {pinned ? (
        <>
          <p className="font-medium">The host key changed since you trusted it. Delivery is stopped until you decide.</p>
          <p className="mt-1">
            Trusted: <code className="font-mono text-xs break-all">{pinned}</code>
            <br />
            Now presented: <code className="font-mono text-xs break-all">{presented}</code>
          </p>
          <p className="mt-1">
            Trust the new key only if your server was reinstalled or its key replaced on purpose; otherwise someone may be intercepting the connection.
          </p>
        </>
      ) : (
        <>
          <p className="font-medium">Your server presented this host key:</p>
          <p className="mt-1">
            <code className="font-mono text-xs break-all">{presented}</code>
          </p>
          <p className="mt-1">
            Check it with your server&apos;s administrator (<code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> on the server), then trust it.
          </p>
        </>
      )}
      <Button variant="secondary" className="mt-3" disabled={trust.isPending} onClick={() => trust.mutate({ applicationId, fingerprint: presented })}>
        {trust.isPending ? "Trusting…" : pinned ? "Trust the new host key" : "Trust this host key"}
      </Button>
      {failure ? <p className="mt-2 text-red-700">{failure}</p> : null}
    </Alert>
  );
}
