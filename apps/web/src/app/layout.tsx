// Root layout: theme set before paint, the API URL (ARBITER_API_URL) or port (ARBITER_API_PORT)
// injected at request time so one build serves any API, the header with auth state. System fonts only, nothing from the network.
import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AuthProvider } from '../components/auth-context';
import { EditorSettingsProvider } from '../components/editor-settings-context';
import { SiteHeader } from '../components/site-header';
import { THEME_BOOT_SCRIPT } from '../lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'Arbiter — practice, run and judge code',
  description: 'An open-source online judge.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const apiUrl = process.env.ARBITER_API_URL ?? '';
  const apiPort = /^\d{1,5}$/.test(process.env.ARBITER_API_PORT ?? '') ? process.env.ARBITER_API_PORT : '';
  const apiScript = apiUrl
    ? `window.__ARBITER_API__=${JSON.stringify(apiUrl).replace(/</g, '\\u003c')};`
    : apiPort
      ? `window.__ARBITER_API_PORT__=${JSON.stringify(apiPort)};`
      : '';
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT + apiScript }} />
      </head>
      <body>
        <AuthProvider>
          <EditorSettingsProvider>
            <SiteHeader />
            <main className="main">{children}</main>
          </EditorSettingsProvider>
        </AuthProvider>
      </body>
    </html>
  );
}
