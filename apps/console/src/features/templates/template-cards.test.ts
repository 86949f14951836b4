import { JOB_TEMPLATES } from '@weir/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages';

describe('the template cards of the catalog', () => {
  it('list every template with the English of its definition, so no card falls back untranslated', () => {
    const cards: Record<string, { name: string; description: string }> = en.templates.cards;
    for (const template of JOB_TEMPLATES) expect(cards[template.id]).toEqual({ name: template.name, description: template.description });
  });
});
