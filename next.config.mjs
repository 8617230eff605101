/** @type {import('next').NextConfig} */
const nextConfig = {
  // ROLLCALL_BUILD_DIR lets two builds live side by side (e.g. test servers on different ports).
  distDir: process.env.ROLLCALL_BUILD_DIR || ".next",
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled (pg and ssh2 have optional native parts;
  // exceljs's streaming reader requires its files dynamically).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "ssh2", "exceljs"],
  experimental: {
    // Provisioning settings stay far below this (20 headers of 4 KB); larger bodies are refused.
    serverActions: { bodySizeLimit: "200kb" },
  },
};

export default nextConfig;
