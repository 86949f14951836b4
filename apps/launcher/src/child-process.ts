import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A platform process started by the launcher. */
export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** SIGTERM to the whole process group, SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a process in its own process group (so stopping it also stops what it spawned) and
 * prefixes its output lines with its name. `onExit` hears about exits the launcher did not ask for.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean; onExit?: (code: number | null) => void; onLine?: (line: string) => void },
): ManagedProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stopping = false;
  for (const stream of [child.stdout, child.stderr]) {
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => {
      options.onLine?.(line);
      if (!options.quiet) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  child.once('exit', (code) => {
    if (!stopping) options.onExit?.(code);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    async stop(graceMs = 10_000) {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Anything the process left behind in its group goes too.
      signalGroup(child, 'SIGKILL');
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** A platform process that is started again when it dies, as a process manager would. */
export interface SupervisedProcess {
  name: string;
  /** Pid of the current incarnation. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Keeps a process running: when it exits without being asked to, `onExit` is told and a new one
 * is started after `restartDelayMs` (a killed worker comes back, as it would under systemd).
 */
export function superviseProcess(
  name: string,
  start: (onExit: (code: number | null) => void) => ManagedProcess,
  options: { restartDelayMs: number; onExit?: (code: number | null) => void },
): SupervisedProcess {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const launch = (): ManagedProcess =>
    start((code) => {
      options.onExit?.(code);
      if (!stopped) timer = setTimeout(() => (current = launch()), options.restartDelayMs);
    });
  let current = launch();
  return {
    name,
    pid: () => current.child.pid,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current.stop();
    },
  };
}
