// Next.js settings: shared workspace packages compiled from source, nothing fetched at run time.
import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  transpilePackages: ['@arbiter/contracts', '@arbiter/languages'],
  poweredByHeader: false,
  turbopack: {
    // monaco-vim and monaco-emacs import Monaco by paths older than monaco-editor's `exports` map
    // (and monaco-emacs with require(), which would pick the AMD build): all point at the one ESM
    // editor the app bundles (lib/monaco-setup.ts), so the key bindings act on that instance.
    resolveAlias: {
      'monaco-editor': 'monaco-editor/editor',
      'monaco-editor/esm/vs/editor/editor.api': 'monaco-editor/editor/editor.api',
      'monaco-editor/esm/vs/editor/common/commands/shiftCommand':
        'monaco-editor/editor/common/commands/shiftCommand',
    },
  },
  // `npm run dev` only: hosts besides localhost (127.0.0.1, LAN addresses) that may load the dev
  // server's assets; the production build (`npm start`) needs no such list.
  allowedDevOrigins: (process.env.ARBITER_DEV_HOSTS ?? '127.0.0.1').split(',').filter(Boolean),
};

export default config;
