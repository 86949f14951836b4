import type { ConnectionTestResult } from '@weir/contracts';

/** A Test's outcome: what answered, or which kind of failure and what to fix. */
export function TestResult({ result }: { result: ConnectionTestResult | null }) {
  if (!result) return <span className="text-xs text-zinc-400">not tested</span>;
  return (
    <span data-testid="test-result" data-ok={result.ok} className={`text-xs ${result.ok ? 'text-emerald-700' : 'text-red-700'}`} title={result.message}>
      {result.ok ? `✓ ${result.server ?? 'connected'}` : `✗ ${result.failure}: ${result.message}`}
      <span className="ml-1 text-zinc-400">({result.elapsedMs} ms)</span>
    </span>
  );
}
