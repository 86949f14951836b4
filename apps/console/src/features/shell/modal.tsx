'use client';

import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider';
import { Button } from './button';

/** A centred dialog over a dimmed page; Escape or the backdrop closes it unless `busy`. */
export function Modal({
  title,
  onClose,
  busy = false,
  footer,
  children,
  testId,
  wide = false,
}: {
  title: ReactNode;
  onClose: () => void;
  busy?: boolean;
  footer: ReactNode;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const t = useT();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-zinc-900/40 p-6" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div role="dialog" aria-modal="true" data-testid={testId} className={`mt-8 flex w-full flex-col rounded-lg bg-white shadow-xl ring-1 ring-zinc-200 ${wide ? 'max-w-3xl' : 'max-w-md'}`}>
        <header className="flex items-center border-b border-zinc-100 px-5 py-3">
          <h2 className="flex-1 text-base font-semibold text-zinc-900">{title}</h2>
          <button type="button" onClick={onClose} disabled={busy} className="text-lg leading-none text-zinc-400 hover:text-zinc-700" aria-label={t('common.close')}>
            ×
          </button>
        </header>
        <div className="flex flex-col gap-4 px-5 py-4">{children}</div>
        <footer className="flex items-center justify-end gap-2 rounded-b-lg border-t border-zinc-100 bg-zinc-50 px-5 py-3">{footer}</footer>
      </div>
    </div>
  );
}

/** Cancel and the dialog's one action, both disabled while it runs. */
export function DialogButtons({ onCancel, onSubmit, busy, label, testId, variant = 'primary' }: {
  onCancel: () => void;
  onSubmit: () => void;
  busy: boolean;
  label: string;
  testId: string;
  variant?: 'primary' | 'danger';
}) {
  const t = useT();
  return (
    <>
      <Button onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
      <Button data-testid={testId} variant={variant} onClick={onSubmit} disabled={busy}>
        {label}
      </Button>
    </>
  );
}
