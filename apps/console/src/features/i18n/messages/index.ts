import type { Translation } from '../catalog-types';
import type { Locale } from '../locale';
import { common } from './common';
import { format } from './format';
import { auth } from './auth';
import { jobs } from './jobs';
import { shell } from './shell';

/** The English catalog, the source of truth: its literal texts type every key and placeholder. */
export const en = {
  common: common.en,
  format: format.en,
  auth: auth.en,
  jobs: jobs.en,
  shell: shell.en,
};

export type EnMessages = typeof en;

/** What every locale's catalog must hold: the English shape with any texts. */
export type Messages = Translation<EnMessages>;

/** The Chinese (Simplified) catalog. */
export const zh: Messages = {
  common: common.zh,
  format: format.zh,
  auth: auth.zh,
  jobs: jobs.zh,
  shell: shell.zh,
};

export const catalogs: Record<Locale, Messages> = { en, zh };
