import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Database drivers stay plain Node modules on the server, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  typedRoutes: true,
  experimental: {
    // Portrait uploads: at most 5 MB of image (checked again by the action) plus the form's
    // fields. Larger request bodies are cut off while they stream in, before being read whole.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default nextConfig;
