import { parseDurationMs, type ConnectorProblem } from '@weir/engine';

/**
 * Reads a table's WITH options as typed values, collecting one problem per malformed option (each
 * names its option, so the validator places it at the option's value in the SQL).
 */
export class OptionReader {
  readonly problems: ConnectorProblem[] = [];

  constructor(readonly options: Record<string, string>) {}

  /** The option's text, or `fallback`. */
  string(option: string, fallback: string): string;
  string(option: string): string | undefined;
  string(option: string, fallback?: string): string | undefined {
    return this.options[option] ?? fallback;
  }

  /** 'true' or 'false', case-insensitive. */
  bool(option: string, fallback: boolean): boolean {
    const text = this.options[option];
    if (text === undefined) return fallback;
    if (!/^(true|false)$/i.test(text.trim())) this.invalid(option, "'true' or 'false'");
    return text.trim().toLowerCase() === 'true';
  }

  /** An integer of at least `min`. */
  int(option: string, fallback: number, min = 0): number {
    const text = this.options[option];
    if (text === undefined) return fallback;
    const value = /^\s*-?\d+\s*$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min) {
      this.invalid(option, `an integer of at least ${min}`);
      return fallback;
    }
    return value;
  }

  /** A Flink duration ('1 s', '500ms', '2 min'). */
  duration(option: string, fallback: number): number {
    const text = this.options[option];
    if (text === undefined) return fallback;
    const ms = parseDurationMs(text);
    if (ms === undefined) this.invalid(option, "a duration such as '1 s' or '500 ms'");
    return ms ?? fallback;
  }

  /** One of `allowed` (compared case-insensitively, returned as listed). */
  oneOf<T extends string>(option: string, allowed: readonly T[], fallback: T): T {
    const text = this.options[option];
    if (text === undefined) return fallback;
    const found = allowed.find((a) => a.toLowerCase() === text.trim().toLowerCase());
    if (!found) this.invalid(option, allowed.map((a) => `'${a}'`).join(', ').replace(/, ([^,]*)$/, ' or $1'));
    return found ?? fallback;
  }

  /** Records that `option` is required in this combination of options. */
  require(option: string, why: string): string {
    const text = this.options[option];
    if (text === undefined) this.problems.push({ code: 'OPTION_MISSING', message: `missing option '${option}' ${why}`, option });
    return text ?? '';
  }

  /** An integer of at least `min` that this combination of options requires (`why` says which). */
  requireInt(option: string, why: string, min = 0): number {
    if (this.options[option] === undefined) {
      this.require(option, why);
      return min;
    }
    return this.int(option, min, min);
  }

  invalid(option: string, expected: string): void {
    this.problems.push({ code: 'OPTION_INVALID', message: `option '${option}' must be ${expected}, got '${this.options[option]}'`, option });
  }
}
