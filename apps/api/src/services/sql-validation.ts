import { compileJob, validateSql, SqlError, type CompiledJob, type ExternalCatalog } from '@weir/engine';
import { WeirError, type SqlDiagnostic, type UserFunctionSource } from '@weir/contracts';
import { allConnectors } from '@weir/connectors';
import { typeStubs } from './job-functions';

/** Every connector a worker runs, so validation knows their options as a run does. */
const connectors = allConnectors();

/** Diagnostics of a script and its user functions from the engine's own validator (the same one a run uses). */
export function diagnose(sql: string, functions: UserFunctionSource[] = [], catalog?: ExternalCatalog): SqlDiagnostic[] {
  return validateSql(sql, { connectors, functions: typeStubs(functions), catalog }).map((d) => ({ ...d }));
}

/** Compiles a script for deployment; invalid SQL becomes SQL_INVALID with its diagnostics. */
export function compileForDeploy(sql: string, functions: UserFunctionSource[] = [], catalog?: ExternalCatalog): CompiledJob {
  try {
    return compileJob(sql, { connectors, functions: typeStubs(functions), catalog });
  } catch (error) {
    if (error instanceof SqlError) {
      const first = error.diagnostics[0];
      const where = first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : '';
      throw new WeirError('SQL_INVALID', `the job's SQL is invalid${where}`, {
        details: { diagnostics: error.diagnostics },
        cause: error,
      });
    }
    throw error;
  }
}
