import type { SinkContext } from '@weir/engine';

/**
 * Message ids that a restored run gives the same rows again: `<sink uid>/<subtask>/<checkpoint>/<n>`,
 * n counting the rows written since checkpoint `<checkpoint>`. A destination (or a consumer) that
 * drops ids it has seen then holds each row once. Used as the sink's two-phase-commit hooks.
 */
export class ReplayableMessageIds {
  private epoch = 0;
  private sequence = 0;

  constructor(private readonly context: Pick<SinkContext, 'uid' | 'subtaskIndex'>) {}

  next(): string {
    return `${this.context.uid}/${this.context.subtaskIndex}/${this.epoch}/${this.sequence++}`;
  }

  /** A checkpoint cut: the rows after it count from 0 under its id. */
  preCommit(checkpointId: number): { checkpointId: number } {
    this.epoch = checkpointId;
    this.sequence = 0;
    return { checkpointId };
  }

  /** After a restore: go on under the restored checkpoint's id, as the first attempt did. */
  recover(committables: unknown[]): void {
    const last = committables.at(-1) as { checkpointId: number } | undefined;
    if (last) this.epoch = last.checkpointId;
  }
}
