import type { Translation } from '../catalog-types';
import type { Locale } from '../locale';
import { common } from './common';
import { format } from './format';
import { account } from './account';
import { auth } from './auth';
import { checkpoints } from './checkpoints';
import { debug } from './debug';
import { deployments } from './deployments';
import { editor } from './editor';
import { explain } from './explain';
import { failovers } from './failovers';
import { jobs } from './jobs';
import { monitoring } from './monitoring';
import { shell } from './shell';
import { templates } from './templates';
import { versions } from './versions';

/** The English catalog, the source of truth: its literal texts type every key and placeholder. */
export const en = {
  common: common.en,
  format: format.en,
  account: account.en,
  auth: auth.en,
  checkpoints: checkpoints.en,
  debug: debug.en,
  deployments: deployments.en,
  editor: editor.en,
  explain: explain.en,
  failovers: failovers.en,
  jobs: jobs.en,
  monitoring: monitoring.en,
  shell: shell.en,
  templates: templates.en,
  versions: versions.en,
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
  checkpoints: checkpoints.zh,
  debug: debug.zh,
  deployments: deployments.zh,
  editor: editor.zh,
  explain: explain.zh,
  failovers: failovers.zh,
  jobs: jobs.zh,
  monitoring: monitoring.zh,
  shell: shell.zh,
  templates: templates.zh,
  versions: versions.zh,
};

export const catalogs: Record<Locale, Messages> = { en, zh };
