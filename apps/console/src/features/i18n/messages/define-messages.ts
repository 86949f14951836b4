import type { Catalog, Translation } from '../catalog-types';

/**
 * One area's messages: the English source and its Chinese translation side by side. The
 * translation is typed from the English, so a key missing in either language fails to compile.
 */
export function defineMessages<const En extends Catalog>(en: En, zh: Translation<En>): { en: En; zh: Translation<En> } {
  return { en, zh };
}
