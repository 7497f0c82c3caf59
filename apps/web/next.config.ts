// Next.js settings: shared workspace packages compiled from source, nothing fetched at run time.
import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  transpilePackages: ['@arbiter/contracts'],
  poweredByHeader: false,
};

export default config;
