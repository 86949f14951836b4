import { existsSync } from 'node:fs';
import type { Statement } from '../../sql/ast';
import { simple } from '../../sql/data-type';
import type { DiagnosticSink } from '../../sql/diagnostic';
import type { ScalarFunction } from '../scalar-function';
import { isModuleIdentifier, parseModuleIdentifier } from './module-identifier';
import { normalizeUserFunction, type UserFunction } from './user-function';
import { registerUserFunction, UDF_OP_PREFIX, userScalarFunction } from './user-function-registry';

type CreateFunction = Extract<Statement, { kind: 'createFunction' }>;

const LANGUAGES = new Set(['JAVA', 'SCALA', 'JS', 'JAVASCRIPT', 'TS', 'TYPESCRIPT']);

/** How CREATE FUNCTION identifiers are resolved. */
export interface UserFunctionOptions {
  /** Implementations by identifier (a Java class name, a module identifier) or by function name. */
  functions?: Record<string, UserFunction>;
  /** Directory relative module identifiers are resolved against; the working directory by default. */
  baseDir?: string;
  /**
   * True when compiling to run: a module function must then be in `functions` (compileJobAsync
   * loads them). False for validation, which only checks that the module file exists and types
   * calls of an unloaded module function leniently (its result is untyped NULL).
   */
  requireLoaded?: boolean;
  /** Why loading a module identifier failed (set by the async loader), reported at the identifier. */
  loadErrors?: Record<string, string>;
}

/**
 * The functions declared by CREATE FUNCTION in a script. It is the set of their (lower-case) names,
 * so binders that only ask "is this a user function?" need nothing else; `resolve` gives the function.
 */
export class UserFunctionCatalog extends Set<string> {
  private readonly functions = new Map<string, ScalarFunction>();
  /** Names declared by a catalog rather than the script: a script's CREATE FUNCTION of one replaces it. */
  private readonly fromCatalog = new Set<string>();

  constructor(private readonly options: UserFunctionOptions = {}) {
    super();
  }

  override has(name: string): boolean {
    return super.has(name.toLowerCase());
  }

  /** The scalar function a call of `name` binds to, when it was declared and could be loaded. */
  resolve(name: string): ScalarFunction | undefined {
    return this.functions.get(name.toLowerCase());
  }

  /**
   * Declares catalog functions (SQL name → identifier in `functions`) as if the script began with
   * CREATE FUNCTION name AS 'identifier'; a problem with one is reported at the script's start.
   */
  declareCatalogFunctions(entries: Record<string, string>, diagnostics: DiagnosticSink): void {
    const at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    for (const [name, identifier] of Object.entries(entries)) {
      this.define({ kind: 'createFunction', temporary: false, ifNotExists: false, name: [{ name, quoted: false, span: at }], className: identifier, span: at }, diagnostics);
      this.fromCatalog.add(name.toLowerCase());
    }
  }

  /** Declares a function, reporting an identifier that cannot be resolved at the identifier. */
  define(statement: CreateFunction, diagnostics: DiagnosticSink): void {
    const nameIdent = statement.name[statement.name.length - 1];
    const name = nameIdent.name.toLowerCase();
    if (this.fromCatalog.delete(name)) {
      this.delete(name);
      this.functions.delete(name);
    }
    if (this.has(name)) {
      if (!statement.ifNotExists) diagnostics.error('FUNCTION_EXISTS', `function '${nameIdent.name}' already exists`, nameIdent.span);
      return;
    }
    this.add(name);
    const at = statement.classNameSpan ?? statement.span;
    const identifier = statement.className;
    const fail = (reason: string): void => diagnostics.error('UDF_LOAD_FAILED', `cannot load function '${identifier}': ${reason}`, at);
    if (statement.language && !LANGUAGES.has(statement.language)) return fail(`LANGUAGE ${statement.language} is not supported; Weir runs JavaScript or TypeScript functions`);
    const given = this.options.functions?.[identifier] ?? this.options.functions?.[nameIdent.name] ?? this.options.functions?.[name];
    let key = identifier;
    if (isModuleIdentifier(identifier)) {
      const module = parseModuleIdentifier(identifier, this.options.baseDir ?? process.cwd());
      key = module.key;
      const loadError = this.options.loadErrors?.[identifier];
      if (loadError) return fail(loadError);
      if (given === undefined) {
        if (!existsSync(module.path)) return fail(`module file ${module.path} does not exist`);
        if (this.options.requireLoaded) return fail('module functions are loaded by compileJobAsync (or pass the function in CompileOptions.functions)');
        this.functions.set(name, untypedFunction(key));
        return;
      }
    }
    if (given === undefined) return fail(`Java classes cannot run in Weir; give '${identifier}' a JavaScript implementation (the job's functions on the platform, \`weir run --function '${identifier}=./udf/fn.ts#fn'\`, or CompileOptions.functions), or name a module such as './udf/fn.ts#fn'`);
    const normalized = normalizeUserFunction(given);
    if (typeof normalized === 'string') return fail(normalized);
    const scalar = userScalarFunction(key, normalized);
    if (typeof scalar === 'string') return fail(scalar);
    registerUserFunction(key, normalized);
    this.functions.set(name, scalar);
  }
}

// Validation does not execute user modules, so their calls accept anything and yield untyped NULL,
// which every context accepts; compiling to run loads them and checks the declared types.
function untypedFunction(key: string): ScalarFunction {
  return { name: UDF_OP_PREFIX + key, strict: false, infer: () => ({ result: simple('NULL') }), generate: () => 'null' };
}
