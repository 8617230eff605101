// Whether an application is listed in districts' Application Gallery. Withdrawing hides it
// (and its banner) from the gallery; districts that already use it keep their activations.
import { UserFacingError } from "@/lib/actions/result";
import { APPLICATION_NOT_FOUND } from "@/lib/applications/queries";
import { db } from "@/lib/db";

export async function setGalleryListing(
  vendorId: string,
  { applicationId, listed }: { applicationId: string; listed: boolean },
  now = new Date(),
): Promise<{ publishedAt: Date | null }> {
  const publishedAt = listed ? now : null;
  // Publishing again keeps the first publication date.
  const changed = await db().application.updateMany({
    where: { id: applicationId, vendorId, ...(listed ? { publishedAt: null } : {}) },
    data: { publishedAt },
  });
  const application = await db().application.findFirst({ where: { id: applicationId, vendorId }, select: { publishedAt: true } });
  if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
  return { publishedAt: changed.count === 1 ? publishedAt : application.publishedAt };
}
