// Builders for integration tests: each call makes new, uniquely named rows.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";

export async function createVendorWithApplication(name = `Vendor ${randomUUID().slice(0, 8)}`, { webhookUrl }: { webhookUrl?: string } = {}) {
  const vendor = await db().vendor.create({
    data: {
      name,
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
