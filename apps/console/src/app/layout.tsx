import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '@/features/shell/app-shell';
import './globals.css';

export const metadata: Metadata = {
  title: 'Weir',
  description: 'Stream computing console: write Flink SQL, deploy it, watch it run.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex h-full">
        <AppShell>{children}</AppShell>
      </body>
    </html>
  );
}
