import { EngineError, explainGraph } from '@weir/engine';
import { WeirError, type ExplainGraph, type ExplainResponse, type UserFunctionSource } from '@weir/contracts';
import { allConnectors } from '@weir/connectors';
import { compileForDeploy, type SqlEnvironment } from './sql-validation';

/** Every connector a worker runs, for their defaults (a lookup table's cache) as a run has them. */
const connectors = allConnectors();

/**
 * The plan a deploy of this SQL would run, as a graph and as text. It compiles exactly as deploy
 * does, so invalid SQL is SQL_INVALID with its diagnostics; a script the engine refuses for what
 * it asks (no INSERT, a bad option value) is SQL_INVALID too, with the engine's code.
 */
export function explainSql(sql: string, functions: UserFunctionSource[], env: SqlEnvironment): ExplainResponse {
  try {
    const job = compileForDeploy(sql, functions, env);
    // Typed as the contract: the engine's own ExplainGraph type must stay assignable to it.
    const graph: ExplainGraph = explainGraph(job.plan, { connectors });
    return { graph, text: job.explain() };
  } catch (error) {
    if (error instanceof EngineError && error.domain === 'user') {
      throw new WeirError('SQL_INVALID', error.message, { details: { engineCode: error.code, ...(isRecord(error.details) ? error.details : {}) }, cause: error });
    }
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
