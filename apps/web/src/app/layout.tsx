// Root layout: page chrome shared by every route. System fonts only, nothing loaded from the network.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Arbiter — run and judge code',
  description: 'An open-source online judge.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <span className="brand">Arbiter</span>
          <span className="muted">playground</span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
