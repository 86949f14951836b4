import { EngineError, type UserFunctionObject } from '@weir/engine';
import type { UserFunctionSource } from '@weir/contracts';
import type * as IsolatedVm from 'isolated-vm';

/** What one run's user functions may use, together: an isolate's heap and each call's time. */
export interface UdfLimits {
  /** Heap of the run's isolate; exceeding it disposes the isolate and fails the run. */
  memoryMb: number;
  /** Longest a single call may take before it is interrupted and the run fails. */
  callTimeoutMs: number;
}

type Ivm = typeof IsolatedVm;

/**
 * The user functions of one run, compiled into a V8 isolate of their own (isolated-vm). The
 * isolate holds only JavaScript's built-ins: no require, process, fetch, timers, filesystem or
 * environment, and no object of the worker's heap (arguments and results are copied across).
 */
export class UdfSandbox {
  /** The functions as the engine calls them, by CREATE FUNCTION identifier. */
  readonly functions: Record<string, UserFunctionObject> = {};
  private readonly isolate: IsolatedVm.Isolate;

  private constructor(ivm: Ivm, sources: UserFunctionSource[], private readonly limits: UdfLimits) {
    this.isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
    const context = this.isolate.createContextSync();
    for (const fn of sources) {
      const ref = this.load(context, fn);
      const call = (...args: unknown[]): unknown => this.call(fn.identifier, ref, args);
      this.functions[fn.identifier] = { eval: call as UserFunctionObject['eval'], resultType: fn.resultType, ...(fn.argumentTypes ? { argumentTypes: fn.argumentTypes } : {}) };
    }
  }

  /** Compiles a run's functions; none needs no isolate (and no isolated-vm installed). */
  static async open(sources: UserFunctionSource[], limits: UdfLimits): Promise<UdfSandbox | undefined> {
    if (sources.length === 0) return undefined;
    return new UdfSandbox(await loadIsolatedVm(), sources, limits);
  }

  /** Frees the isolate; calls after this fail. */
  dispose(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  private load(context: IsolatedVm.Context, fn: UserFunctionSource): IsolatedVm.Reference {
    let value: IsolatedVm.Reference;
    try {
      // The parentheses make a function declaration an expression; the newline ends a trailing line comment.
      const script = this.isolate.compileScriptSync(`(${fn.source}\n)`, { filename: `udf:${fn.identifier}` });
      value = script.runSync(context, { reference: true, timeout: this.limits.callTimeoutMs }) as IsolatedVm.Reference;
    } catch (error) {
      throw this.failure(fn.identifier, error, 'could not be loaded');
    }
    if (value.typeof !== 'function') {
      throw new EngineError(`user function '${fn.identifier}': its source must evaluate to a function, got ${value.typeof}`, {
        code: 'UDF_INVALID',
        domain: 'user',
        details: { function: fn.identifier },
      });
    }
    return value;
  }

  private call(identifier: string, ref: IsolatedVm.Reference, args: unknown[]): unknown {
    try {
      return ref.applySync(undefined, args, { arguments: { copy: true }, result: { copy: true }, timeout: this.limits.callTimeoutMs });
    } catch (error) {
      throw this.failure(identifier, error, 'failed');
    }
  }

  /** Names the function and says which limit was hit, so the run's error tells the user what to fix. */
  private failure(identifier: string, error: unknown, what: string): EngineError {
    const message = error instanceof Error ? error.message : String(error);
    const named = error instanceof Error && error.name !== 'Error' ? `${error.name}: ${message}` : message;
    const details = { function: identifier };
    if (this.isolate.isDisposed || /memory limit/i.test(message)) {
      return new EngineError(`user function '${identifier}' ran out of memory: its sandbox may use at most ${this.limits.memoryMb} MB`, {
        code: 'UDF_OUT_OF_MEMORY',
        domain: 'user',
        details,
        cause: error,
      });
    }
    if (/timed out/i.test(message)) {
      return new EngineError(`user function '${identifier}' ran longer than ${this.limits.callTimeoutMs} ms in one call and was stopped`, {
        code: 'UDF_TIMEOUT',
        domain: 'user',
        details,
        cause: error,
      });
    }
    return new EngineError(`user function '${identifier}' ${what}: ${named}`, { code: 'UDF_FAILED', domain: 'user', details, cause: error });
  }
}

/** isolated-vm aborts the process at random on Node 20+ when Node starts from its snapshot. */
function startedWithoutSnapshot(): boolean {
  const flag = '--no-node-snapshot';
  return process.execArgv.includes(flag) || (process.env.NODE_OPTIONS ?? '').split(/\s+/).includes(flag);
}

async function loadIsolatedVm(): Promise<Ivm> {
  if (!startedWithoutSnapshot()) {
    throw new EngineError("this worker cannot run user functions: its node was started without '--no-node-snapshot', which the sandbox (isolated-vm) needs", {
      code: 'UDF_SANDBOX_UNAVAILABLE',
      domain: 'internal',
    });
  }
  try {
    const loaded = (await import('isolated-vm')) as Ivm & { default?: Ivm };
    return loaded.default ?? loaded;
  } catch (error) {
    throw new EngineError(
      "this worker cannot run user functions: the optional package 'isolated-vm' is not installed or did not build (it needs python3, make and g++ at npm install)",
      { code: 'UDF_SANDBOX_UNAVAILABLE', domain: 'internal', cause: error },
    );
  }
}
