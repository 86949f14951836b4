import { compileJob, validateSql, SqlError, type CompiledJob } from '@weir/engine';
import { WeirError, type SqlDiagnostic } from '@weir/contracts';

/** Diagnostics of a script from the engine's own validator (the same one a run uses). */
export function diagnose(sql: string): SqlDiagnostic[] {
  return validateSql(sql).map((d) => ({ ...d }));
}

/** Compiles a script for deployment; invalid SQL becomes SQL_INVALID with its diagnostics. */
export function compileForDeploy(sql: string): CompiledJob {
  try {
    return compileJob(sql);
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
