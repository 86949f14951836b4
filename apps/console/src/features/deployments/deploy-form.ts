import { DEFAULT_RESTART_STRATEGY, DeploymentConfig, type DeployRequest, type FieldIssue, type RestoreChoice } from '@weir/contracts';
import { t } from '../i18n/t';

/** `''` everywhere a choice can be left to the SQL's SET or the platform's default. */
export type RestartChoice = '' | 'none' | 'fixed-delay' | 'exponential-delay' | 'failure-rate';
export type StartOffsetChoice = '' | 'earliest' | 'latest' | 'timestamp';

/**
 * The deploy dialog's inputs as the user typed them. Text fields stay text so a half-typed
 * number is not lost; an empty one leaves the field out of the config, so the SQL's SET or the
 * platform's default stays in force. Durations are entered in seconds.
 */
export interface DeployForm {
  parallelism: string;
  memoryLimitMb: string;
  /** 0 turns checkpointing off; empty: the SQL's SET or every 10 s. */
  checkpointIntervalS: string;
  checkpointMode: '' | 'EXACTLY_ONCE' | 'AT_LEAST_ONCE';
  incremental: '' | 'on' | 'off';
  restart: RestartChoice;
  restartAttempts: string;
  restartDelayS: string;
  initialBackoffS: string;
  maxBackoffS: string;
  backoffMultiplier: string;
  maxFailuresPerInterval: string;
  failureRateIntervalS: string;
  restore: RestoreChoice['kind'];
  savepointId: string;
  allowNonRestoredState: boolean;
  startOffset: StartOffsetChoice;
  /** A `datetime-local` value, read in the browser's time zone. */
  startTimestamp: string;
}

export type DeployFormField = keyof DeployForm;

export function defaultDeployForm(): DeployForm {
  return {
    parallelism: '1',
    memoryLimitMb: '1024',
    checkpointIntervalS: '',
    checkpointMode: '',
    incremental: '',
    restart: '',
    restartAttempts: '',
    restartDelayS: '',
    initialBackoffS: '',
    maxBackoffS: '',
    backoffMultiplier: '',
    maxFailuresPerInterval: '',
    failureRateIntervalS: '',
    restore: 'NONE',
    savepointId: '',
    allowNonRestoredState: false,
    startOffset: '',
    startTimestamp: '',
  };
}

/** Flink's Integer.MAX_VALUE attempts: shown as an empty field, "unlimited". */
const UNLIMITED_ATTEMPTS = 2_147_483_647;
const seconds = (ms: number | undefined) => (ms === undefined ? '' : String(ms / 1000));

/**
 * The form for a redeploy, filled with what the previous deployment chose, so changing one
 * setting does not silently reset the others. The restore choice starts over at NONE: which
 * snapshot to start from is a decision for this deploy.
 */
export function formFromConfig(config: DeploymentConfig): DeployForm {
  const form = defaultDeployForm();
  const { checkpointing: cp, restartStrategy: rs } = config;
  Object.assign(form, {
    parallelism: String(config.parallelism),
    memoryLimitMb: String(config.memoryLimitMb),
    checkpointIntervalS: seconds(cp.intervalMs),
    checkpointMode: cp.mode ?? '',
    incremental: cp.incremental === undefined ? '' : cp.incremental ? 'on' : 'off',
    allowNonRestoredState: config.allowNonRestoredState,
    startOffset: config.startOffset?.kind ?? '',
  });
  if (config.startOffset?.kind === 'timestamp') form.startTimestamp = toDateTimeLocal(config.startOffset.timestampMs);
  if (JSON.stringify(rs) === JSON.stringify(DEFAULT_RESTART_STRATEGY)) return form;
  form.restart = rs.kind;
  if (rs.kind === 'fixed-delay') Object.assign(form, { restartAttempts: String(rs.attempts), restartDelayS: seconds(rs.delayMs) });
  if (rs.kind === 'exponential-delay') {
    Object.assign(form, {
      initialBackoffS: seconds(rs.initialBackoffMs),
      maxBackoffS: seconds(rs.maxBackoffMs),
      backoffMultiplier: String(rs.multiplier),
      restartAttempts: rs.attempts === UNLIMITED_ATTEMPTS ? '' : String(rs.attempts),
    });
  }
  if (rs.kind === 'failure-rate') {
    Object.assign(form, { maxFailuresPerInterval: String(rs.maxFailuresPerInterval), failureRateIntervalS: seconds(rs.failureRateIntervalMs), restartDelayS: seconds(rs.delayMs) });
  }
  return form;
}

/** Local wall-clock time as a `datetime-local` input expects it (yyyy-mm-ddThh:mm). */
function toDateTimeLocal(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Problems of the form by field; the dialog shows each beside its input. */
export type DeployFormIssues = Partial<Record<DeployFormField, string>>;

export type DeployFormResult = { ok: true; request: DeployRequest } | { ok: false; issues: DeployFormIssues };

/** Where a DeploymentConfig path is typed in the form, and whether the form shows it in seconds. */
const FIELD_OF_PATH: Record<string, { field: DeployFormField; seconds?: boolean }> = {
  parallelism: { field: 'parallelism' },
  memoryLimitMb: { field: 'memoryLimitMb' },
  'checkpointing.intervalMs': { field: 'checkpointIntervalS', seconds: true },
  'restartStrategy.attempts': { field: 'restartAttempts' },
  'restartStrategy.delayMs': { field: 'restartDelayS', seconds: true },
  'restartStrategy.initialBackoffMs': { field: 'initialBackoffS', seconds: true },
  'restartStrategy.maxBackoffMs': { field: 'maxBackoffS', seconds: true },
  'restartStrategy.multiplier': { field: 'backoffMultiplier' },
  'restartStrategy.maxFailuresPerInterval': { field: 'maxFailuresPerInterval' },
  'restartStrategy.failureRateIntervalMs': { field: 'failureRateIntervalS', seconds: true },
  'restore.savepointId': { field: 'savepointId' },
  'startOffset.timestampMs': { field: 'startTimestamp' },
};

/**
 * Turns the form into a deploy body. Numbers are checked here only for being numbers; ranges
 * come from the contracts' DeploymentConfig schema, the same the API applies, with its limits
 * rephrased in the unit the form uses.
 */
export function toDeployRequest(form: DeployForm): DeployFormResult {
  const issues: DeployFormIssues = {};
  const number = (field: DeployFormField, scale = 1): number | undefined => {
    const text = String(form[field]).trim();
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) {
      issues[field] = t('deployments.issues.notNumber');
      return undefined;
    }
    // Durations go to whole milliseconds; plain numbers stay as typed, so 1.5 workers is refused.
    return scale === 1 ? value : Math.round(value * scale);
  };
  const ms = (field: DeployFormField) => number(field, 1000);

  const config: Record<string, unknown> = {
    parallelism: number('parallelism'),
    memoryLimitMb: number('memoryLimitMb'),
    checkpointing: withoutUndefined({
      intervalMs: ms('checkpointIntervalS'),
      mode: form.checkpointMode || undefined,
      incremental: form.incremental === '' ? undefined : form.incremental === 'on',
    }),
    restartStrategy: restartStrategy(form, number, ms),
    restore: form.restore === 'SAVEPOINT' ? { kind: 'SAVEPOINT', savepointId: form.savepointId } : { kind: form.restore },
    allowNonRestoredState: form.allowNonRestoredState,
    startOffset: startOffset(form, issues),
  };
  if (Object.keys(issues).length > 0) return { ok: false, issues };

  const parsed = DeploymentConfig.safeParse(withoutUndefined(config));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const target = FIELD_OF_PATH[issue.path.join('.')];
      if (target && !issues[target.field]) issues[target.field] = describe(issue, target);
      else if (!target) issues.parallelism ??= `${issue.path.join('.')}: ${issue.message}`;
    }
    return { ok: false, issues };
  }
  return { ok: true, request: { config: parsed.data } };
}

/** The API's field issues (`body.config.…` from schema checks, `config.…` from the deploy itself) on the form's fields. */
export function formIssuesOf(apiIssues: FieldIssue[]): DeployFormIssues {
  const issues: DeployFormIssues = {};
  for (const issue of apiIssues) {
    const target = FIELD_OF_PATH[issue.path.replace(/^(body\.)?config\./, '')];
    if (target) issues[target.field] ??= issue.message;
  }
  return issues;
}

function restartStrategy(form: DeployForm, number: (f: DeployFormField) => number | undefined, ms: (f: DeployFormField) => number | undefined) {
  switch (form.restart) {
    case '':
      return undefined;
    case 'none':
      return { kind: 'none' };
    case 'fixed-delay':
      return withoutUndefined({ kind: 'fixed-delay', attempts: number('restartAttempts'), delayMs: ms('restartDelayS') });
    case 'exponential-delay':
      return withoutUndefined({
        kind: 'exponential-delay',
        initialBackoffMs: ms('initialBackoffS'),
        maxBackoffMs: ms('maxBackoffS'),
        multiplier: number('backoffMultiplier'),
        attempts: number('restartAttempts'),
      });
    case 'failure-rate':
      return withoutUndefined({
        kind: 'failure-rate',
        maxFailuresPerInterval: number('maxFailuresPerInterval'),
        failureRateIntervalMs: ms('failureRateIntervalS'),
        delayMs: ms('restartDelayS'),
      });
  }
}

function startOffset(form: DeployForm, issues: DeployFormIssues) {
  if (form.startOffset !== 'timestamp') return form.startOffset === '' ? undefined : { kind: form.startOffset };
  const timestampMs = new Date(form.startTimestamp).getTime();
  if (!form.startTimestamp || Number.isNaN(timestampMs)) {
    issues.startTimestamp = t('deployments.issues.chooseTime');
    return undefined;
  }
  return { kind: 'timestamp', timestampMs };
}

type SchemaIssue = { code: string; message: string; minimum?: unknown; maximum?: unknown };

function describe(issue: SchemaIssue, target: { field: DeployFormField; seconds?: boolean }): string {
  const unit = (limit: unknown) => (target.seconds ? t('deployments.issues.seconds', { n: Number(limit) / 1000 }) : String(limit));
  if (target.field === 'savepointId') return t('deployments.issues.chooseSavepoint');
  if (issue.code === 'too_small') return t('deployments.issues.atLeast', { limit: unit(issue.minimum) });
  if (issue.code === 'too_big') return t('deployments.issues.atMost', { limit: unit(issue.maximum) });
  if (issue.code === 'invalid_type' && issue.message.includes('int')) return t('deployments.issues.wholeNumber');
  return issue.message;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
