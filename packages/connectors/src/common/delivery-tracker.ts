/**
 * The writes of a sink that the destination has not acknowledged yet: `pending()` (the sink's
 * backpressure) holds the job back while `maxInFlight` are outstanding, and, once `drain()` was
 * called (before a checkpoint, at the end of input), until none is; the first failure is kept
 * and thrown from then on.
 */
export class DeliveryTracker {
  private inFlight = 0;
  private draining = false;
  private waiters: (() => void)[] = [];
  private failure: unknown;

  constructor(private readonly maxInFlight: number) {}

  /** Tracks one write until its promise settles; a rejection becomes the sink's failure, as `describe` words it. */
  track(write: Promise<unknown>, describe: (error: unknown) => unknown): void {
    this.inFlight++;
    write.then(
      () => this.settled(),
      (error: unknown) => {
        this.fail(describe(error));
        this.settled();
      },
    );
  }

  /** Records a failure that did not come from a tracked write (a connection that could not open). */
  fail(error: unknown): void {
    this.failure ??= error;
    for (const resume of this.waiters.splice(0)) resume();
  }

  /** From now `pending` settles only once every write so far is acknowledged. */
  drain(): void {
    this.draining = true;
  }

  pending(): Promise<void> | null {
    this.check();
    if (this.inFlight === 0) {
      this.draining = false;
      return null;
    }
    if (!this.draining && this.inFlight < this.maxInFlight) return null;
    return new Promise<void>((resolve) => this.waiters.push(resolve)).then(() => this.check());
  }

  /** Throws the first failure, if any. */
  check(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private settled(): void {
    this.inFlight--;
    if (this.failure === undefined && (this.draining ? this.inFlight > 0 : this.inFlight >= this.maxInFlight)) return;
    for (const resume of this.waiters.splice(0)) resume();
  }
}
