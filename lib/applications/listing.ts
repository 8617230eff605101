// Whether an application is listed in districts' Application Gallery. Withdrawing hides it
// (and its banner) from the gallery; districts that already use it keep their activations.
import { UserFacingError } from "@/lib/actions/result";
import { recordApplicationAudit } from "@/lib/applications/audit";
import { APPLICATION_NOT_FOUND } from "@/lib/applications/queries";
import { db } from "@/lib/db";

export async function setGalleryListing(
  vendorId: string,
  { applicationId, listed }: { applicationId: string; listed: boolean },
  now = new Date(),
): Promise<{ publishedAt: Date | null }> {
  return db().$transaction(async (tx) => {
    const application = await tx.application.findFirst({ where: { id: applicationId, vendorId }, select: { publishedAt: true } });
    if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
    // Publishing again keeps the first publication date.
    const publishedAt = listed ? now : null;
    const changed = await tx.application.updateMany({
      where: { id: applicationId, vendorId, publishedAt: listed ? null : { not: null } },
      data: { publishedAt },
    });
    if (changed.count === 0) {
      const current = await tx.application.findFirstOrThrow({ where: { id: applicationId }, select: { publishedAt: true } });
      return { publishedAt: current.publishedAt };
    }
    await recordApplicationAudit(tx, applicationId, {
      action: listed ? "application.listed" : "application.unlisted",
      summary: (name) => (listed ? `${name} listed in the Application Gallery` : `${name} withdrawn from the Application Gallery`),
      before: { publishedAt: application.publishedAt },
      after: { publishedAt },
    });
    return { publishedAt };
  });
}
