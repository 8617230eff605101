/** @type {import('next').NextConfig} */
const nextConfig = {
  // ROLLCALL_BUILD_DIR lets two builds live side by side (e.g. test servers on different ports).
  distDir: process.env.ROLLCALL_BUILD_DIR || ".next",
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled (pg has optional native parts).
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  experimental: {
    // Provisioning settings stay far below this (20 headers of 4 KB); larger bodies are refused.
    serverActions: { bodySizeLimit: "200kb" },
  },
};

export default nextConfig;
