/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled (pg has optional native parts).
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  experimental: {
    // Provisioning settings stay far below this (20 headers of 4 KB); larger bodies are refused.
    serverActions: { bodySizeLimit: "200kb" },
  },
};

export default nextConfig;
