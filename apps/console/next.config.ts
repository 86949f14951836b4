import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Contracts ship TypeScript sources with extensionless imports; Next compiles them like ours.
  transpilePackages: ['@weir/contracts'],
  // gzip would hold Server-Sent Events of the metrics stream back until a block fills up.
  compress: false,
};

export default nextConfig;
