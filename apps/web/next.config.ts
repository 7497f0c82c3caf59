// Next.js settings: shared workspace packages compiled from source, nothing fetched at run time.
import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  transpilePackages: ['@arbiter/contracts', '@arbiter/languages'],
  poweredByHeader: false,
  // `npm run dev` only: hosts besides localhost (127.0.0.1, LAN addresses) that may load the dev
  // server's assets; the production build (`npm start`) needs no such list.
  allowedDevOrigins: (process.env.ARBITER_DEV_HOSTS ?? '127.0.0.1').split(',').filter(Boolean),
};

export default config;
