import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Sidebar } from '@/features/shell/sidebar';
import './globals.css';

export const metadata: Metadata = {
  title: 'Weir',
  description: 'Stream computing console: write Flink SQL, deploy it, watch it run.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex h-full">
        <Sidebar />
        <main className="flex min-w-0 flex-1 flex-col overflow-auto">{children}</main>
      </body>
    </html>
  );
}
