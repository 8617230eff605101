// Builders for integration tests: each call makes new, uniquely named rows.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/session";
import type { CredentialsLookup, DistrictCredentials } from "@/lib/data-api/credentials";
import { db } from "@/lib/db";

export async function createVendorWithApplication(
  name = `Vendor ${randomUUID().slice(0, 8)}`,
  { webhookUrl, autoProvisioningAvailable = true }: { webhookUrl?: string; autoProvisioningAvailable?: boolean } = {},
) {
  const vendor = await db().vendor.create({
    data: {
      name,
      autoProvisioningAvailable,
      admins: { create: { email: `${randomUUID()}@vendor.test`, name: `${name} Admin`, passwordHash: "!", role: "VENDOR_ADMIN" } },
      applications: { create: { name: `${name} App`, provisioning: { create: { webhookUrl } } } },
    },
    include: { admins: true, applications: true },
  });
  const [admin] = vendor.admins;
  const [application] = vendor.applications;
  if (!admin || !application) throw new Error("vendor fixture incomplete");
  return { vendor, admin: sessionUserOf(admin), application };
}

export async function createDistrictAdmin() {
  const district = await db().district.create({
    data: {
      name: "Test District",
      state: "IL",
      districtGuid: randomUUID(),
      admins: { create: { email: `${randomUUID()}@district.test`, name: "District Admin", passwordHash: "!", role: "DISTRICT_ADMIN" } },
    },
    include: { admins: true },
  });
  return sessionUserOf(district.admins[0]!);
}

function sessionUserOf(user: { id: string; email: string; name: string; role: SessionUser["role"]; vendorId: string | null; districtId: string | null }): SessionUser {
  const { id, email, name, role, vendorId, districtId } = user;
  return { id, email, name, role, vendorId, districtId };
}

/** Lists an application in the Application Gallery, with the provisioning settings given. */
export async function publishApplication(
  applicationId: string,
  { autoProvisioning = false, buttonLabel, description }: { autoProvisioning?: boolean; buttonLabel?: string; description?: string } = {},
) {
  return db().application.update({
    where: { id: applicationId },
    data: {
      publishedAt: new Date(),
      description,
      provisioning: { upsert: { create: { autoProvisioning, autoApprove: autoProvisioning, buttonLabel }, update: { autoProvisioning, autoApprove: autoProvisioning, buttonLabel } } },
    },
  });
}

export async function createBanner(applicationId: string, { shown = true, withImage = false }: { shown?: boolean; withImage?: boolean } = {}) {
  const image = withImage
    ? await db().bannerImage.create({
        data: { applicationId, contentType: "image/png", width: 1, height: 1, bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), sha256: randomUUID() },
      })
    : null;
  return db().banner.create({
    data: {
      applicationId,
      headline: "Try it free",
      body: "Thirty days on us.",
      ctaLabel: "Start trial",
      backgroundColor: "#0f172a",
      accentColor: "#fde047",
      shown,
      imageId: image?.id,
    },
  });
}

export async function createSchool(districtId: string, name = `School ${randomUUID().slice(0, 8)}`) {
  return db().org.create({ data: { districtId, sourcedId: randomUUID(), type: "school", name } });
}

export async function createActivation(
  districtId: string,
  applicationId: string,
  data: { mode?: "trial" | "standard"; status?: "active" | "deactivated"; origin?: "district" | "vendor_request"; activatedAt?: Date } = {},
) {
  const { mode = "standard", status = "active", origin = "district", activatedAt = new Date() } = data;
  return db().activation.create({
    data: {
      districtId,
      applicationId,
      mode,
      status,
      origin,
      activatedAt,
      autoProvisioned: origin === "district",
      deactivatedAt: status === "deactivated" ? new Date() : null,
    },
  });
}

/** The credentials of a lookup the test expects to succeed. */
export function credentialsOf(lookup: CredentialsLookup): DistrictCredentials {
  if (!lookup.ok) throw new Error(`Expected credentials, got ${lookup.reason}`);
  return lookup.credentials;
}
