import { describe, expect, it } from 'vitest';
import { EngineError, SqlError } from '@weir/engine';
import { WeirError } from '@weir/contracts';
import { classifyFailure } from './run-failure';

describe('classifyFailure', () => {
  it('sees a fencing error through the engine wrapping it', () => {
    const fenced = new WeirError('FENCED', 'superseded by epoch 3');
    const wrapped = new EngineError('job failed: superseded by epoch 3', { code: 'RUNTIME_FAILURE', domain: 'internal', cause: fenced });
    expect(classifyFailure(wrapped)).toMatchObject({ cause: 'FENCED', recoverable: false, message: 'job failed: superseded by epoch 3' });
  });

  it('does not retry what the user must fix: bad SQL, a refused restore', () => {
    expect(classifyFailure(new SqlError([]))).toMatchObject({ cause: 'EXCEPTION', recoverable: false });
    const refused = new EngineError('cannot restore savepoint 4: the job no longer has GroupAggregate', { code: 'STATE_INCOMPATIBLE', domain: 'user' });
    expect(classifyFailure(refused)).toMatchObject({ cause: 'EXCEPTION', recoverable: false, message: expect.stringContaining('GroupAggregate') });
  });

  it('retries storage failures and runtime errors, with the stack', () => {
    const storage = new EngineError('cannot write', { code: 'CHECKPOINT_STORAGE_FAILED', domain: 'external' });
    expect(classifyFailure(storage)).toMatchObject({ cause: 'CHECKPOINT_FAILURE', recoverable: true });
    const runtime = classifyFailure(new TypeError('x is undefined'));
    expect(runtime).toMatchObject({ cause: 'EXCEPTION', recoverable: true, stack: expect.stringContaining('TypeError') });
  });

  it('names memory exhaustion', () => {
    const oom = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(classifyFailure(oom)).toMatchObject({ cause: 'OUT_OF_MEMORY', recoverable: true });
  });
});
