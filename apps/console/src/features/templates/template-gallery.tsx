'use client';

import { JOB_TEMPLATES } from '@weir/contracts';
import Link from 'next/link';
import { useT, type BoundTranslate } from '../i18n/i18n-provider';
import { en } from '../i18n/messages';
import { PageHeader } from '../shell/page-header';
import { BLANK_TEMPLATE_ID } from './blank-template';

interface Card {
  id: string;
  name: string;
  description: string;
}

type TranslatedId = keyof typeof en.templates.cards;

const isTranslated = (id: string): id is TranslatedId => Object.hasOwn(en.templates.cards, id);

/** Blank first, then the templates; a template the catalog does not know yet keeps its English text. */
function cards(t: BoundTranslate): Card[] {
  return [{ id: BLANK_TEMPLATE_ID, name: '', description: '' }, ...JOB_TEMPLATES].map((card) =>
    isTranslated(card.id) ? { id: card.id, name: t(`templates.cards.${card.id}.name`), description: t(`templates.cards.${card.id}.description`) } : card,
  );
}

/** The new-job page's first step: pick a template (or Blank); each card opens the editor filled from it. */
export function TemplateGallery({ unknownId }: { unknownId?: string }) {
  const t = useT();
  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader title={t('templates.title')} subtitle={t('templates.subtitle')} />
      <div className="min-h-0 flex-1 overflow-auto px-6 py-5">
        {unknownId !== undefined && (
          <p data-testid="template-unknown" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {t('templates.unknown', { id: unknownId })}
          </p>
        )}
        <ul data-testid="template-gallery" className="grid grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-3">
          {cards(t).map((card) => (
            <li key={card.id}>
              <Link
                href={`/jobs/new?template=${card.id}`}
                data-testid={`template-${card.id}`}
                className="flex h-full flex-col gap-1 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm transition-colors hover:border-cyan-600 hover:bg-cyan-50/40 focus:outline-none focus:ring-2 focus:ring-cyan-600"
              >
                <span className="text-sm font-semibold text-zinc-900">{card.name}</span>
                <span className="text-sm text-zinc-600">{card.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
