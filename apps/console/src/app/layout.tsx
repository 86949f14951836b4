import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/features/i18n/i18n-provider';
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
        <I18nProvider>
          <AppShell>{children}</AppShell>
        </I18nProvider>
      </body>
    </html>
  );
}
