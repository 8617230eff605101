// Demo data for a new instance: one vendor with two applications and three districts,
// each with an admin. Loaded once, into an empty database only.
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { createSigningSecret } from "@/lib/webhooks/signing-secrets";

export const DEMO_PASSWORD = "rollcall-demo";

export const DEMO_LOGINS = [
  { email: "admin@acme-learning.example", description: "Vendor admin, Acme Learning" },
  { email: "admin@springfield.example", description: "District admin, Springfield Public Schools" },
] as const;

const VENDOR = {
  name: "Acme Learning",
  admin: { email: "admin@acme-learning.example", name: "Avery Park" },
  applications: [
    { name: "Acme Math Studio", description: "Adaptive K-8 math practice with teacher dashboards and weekly progress reports." },
    { name: "Acme Reading Lab", description: "A leveled reading library with fluency checks for grades K-5." },
  ],
};

const DISTRICTS = [
  {
    name: "Springfield Public Schools",
    state: "IL",
    districtGuid: "5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01",
    admin: { email: "admin@springfield.example", name: "Morgan Reyes" },
  },
  {
    name: "Riverside Unified School District",
    state: "CA",
    districtGuid: "a3d1f9c4-8e2b-4b6a-b7c5-0f9e4d2a6c12",
    admin: { email: "admin@riverside.example", name: "Priya Natarajan" },
  },
  {
    name: "Lakeview Community Schools",
    state: "MI",
    districtGuid: "e7c2b8a5-1d4f-4e9b-8a6c-3b5d7f9e1a23",
    admin: { email: "admin@lakeview.example", name: "Sam Okafor" },
  },
];

/** Loads the demo data unless the database already holds any vendor, district or user. */
export async function loadDemoDataIfEmpty(prisma: PrismaClient): Promise<boolean> {
  const [vendors, districts, users] = await Promise.all([prisma.vendor.count(), prisma.district.count(), prisma.user.count()]);
  if (vendors + districts + users > 0) return false;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    const vendor = await tx.vendor.create({
      data: {
        name: VENDOR.name,
        admins: { create: { ...VENDOR.admin, passwordHash, role: "VENDOR_ADMIN" } },
        applications: { create: VENDOR.applications.map((application) => ({ ...application, provisioning: { create: {} } })) },
      },
      include: { applications: { select: { id: true } } },
    });
    for (const application of vendor.applications) await createSigningSecret(tx, application.id);
    for (const { admin, ...district } of DISTRICTS) {
      await tx.district.create({
        data: { ...district, admins: { create: { ...admin, passwordHash, role: "DISTRICT_ADMIN" } } },
      });
    }
    await tx.instance.upsert({ where: { id: 1 }, create: { demoDataLoadedAt: new Date() }, update: { demoDataLoadedAt: new Date() } });
  });
  return true;
}
