import type { NextConfig } from 'next';

// The browser only ever talks to the console's own origin; the API lives behind this proxy.
const apiUrl = process.env.WEIR_API_URL ?? 'http://127.0.0.1:4000';

const nextConfig: NextConfig = {
  // Contracts ship TypeScript sources with extensionless imports; Next compiles them like ours.
  transpilePackages: ['@weir/contracts'],
  // gzip would buffer Server-Sent Events from the metrics stream until the chunk fills up.
  compress: false,
  async rewrites() {
    return [{ source: '/api/v1/:path*', destination: `${apiUrl}/api/v1/:path*` }];
  },
};

export default nextConfig;
