import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Database drivers stay plain Node modules on the server, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  typedRoutes: true,
  // Bulk import sends a CSV file of up to 5 MB to a server action (lib/validation/import.ts).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
};

export default nextConfig;
