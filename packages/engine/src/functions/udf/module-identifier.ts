import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A module-form function identifier: the file and the export to use. */
export interface ModuleIdentifier {
  /** Absolute path of the module file. */
  path: string;
  exportName: string;
  /** Stable key for plans: the file URL and the export, `file:///abs/udf.ts#countChar`. */
  key: string;
}

/** Whether an identifier names a module (`./x.ts#fn`, `/abs/x.mjs`, `file:///...`) rather than a Java class. */
export function isModuleIdentifier(identifier: string): boolean {
  return /^(\.{1,2}\/|\/|file:)/.test(identifier) || /\.(m?[jt]s|c[jt]s)(#|$)/.test(identifier);
}

/** Resolves a module identifier against `baseDir` (the SQL file's directory); the export defaults to `default`. */
export function parseModuleIdentifier(identifier: string, baseDir: string): ModuleIdentifier {
  const hash = identifier.lastIndexOf('#');
  const spec = hash >= 0 ? identifier.slice(0, hash) : identifier;
  const exportName = hash >= 0 && hash < identifier.length - 1 ? identifier.slice(hash + 1) : 'default';
  const path = spec.startsWith('file:') ? fileURLToPath(spec) : isAbsolute(spec) ? spec : resolve(baseDir, spec);
  return { path, exportName, key: `${pathToFileURL(path).href}#${exportName}` };
}
