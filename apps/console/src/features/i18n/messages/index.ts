import type { Translation } from '../catalog-types';
import type { Locale } from '../locale';
import { common } from './common';
import { format } from './format';
import { account } from './account';
import { auth } from './auth';
import { editor } from './editor';
import { jobs } from './jobs';
import { shell } from './shell';
import { templates } from './templates';

/** The English catalog, the source of truth: its literal texts type every key and placeholder. */
export const en = {
  common: common.en,
  format: format.en,
  account: account.en,
  auth: auth.en,
  editor: editor.en,
  jobs: jobs.en,
  shell: shell.en,
  templates: templates.en,
};

export type EnMessages = typeof en;

/** What every locale's catalog must hold: the English shape with any texts. */
export type Messages = Translation<EnMessages>;

/** The Chinese (Simplified) catalog. */
export const zh: Messages = {
  common: common.zh,
  format: format.zh,
  account: account.zh,
  auth: auth.zh,
  editor: editor.zh,
  jobs: jobs.zh,
  shell: shell.zh,
  templates: templates.zh,
};

export const catalogs: Record<Locale, Messages> = { en, zh };
