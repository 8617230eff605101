// Tells a vendor their endpoint has been failing real deliveries for days, and where to
// look; a warning, not an error in what they are doing on this page.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { formatTimestamp } from "@/components/ui/format-timestamp";

type FailingEndpointBannerProps = { applicationId: string; failingSince: Date };

export function FailingEndpointBanner({ applicationId, failingSince }: FailingEndpointBannerProps) {
  return (
    <Alert tone="warning">
      Your webhook has been failing since <time dateTime={failingSince.toISOString()}>{formatTimestamp(failingSince)}</time>. Check the{" "}
      <Link href={`/apps/${applicationId}/deliveries`} className="font-medium underline underline-offset-2 hover:text-amber-950">
        Deliveries tab
      </Link>{" "}
      for the responses your endpoint sent.
    </Alert>
  );
}
