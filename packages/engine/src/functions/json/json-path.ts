/** A compiled SQL/JSON path: its mode and steps (`.key`, `[n]`, `[*]`, `.*`). */
export interface JsonPath {
  strict: boolean;
  steps: ({ key: string } | { index: number } | { wildcard: true })[];
}

const paths = new Map<string, JsonPath | null>();

/** Parses 'lax $.a[0].b' / 'strict $.a'; null when malformed. Cached per path text. */
export function parseJsonPath(text: string): JsonPath | null {
  let path = paths.get(text);
  if (path !== undefined) return path;
  path = null;
  const m = /^\s*(?:(lax|strict)\s+)?\$(.*)$/s.exec(text);
  if (m) {
    const steps: JsonPath['steps'] = [];
    const re = /\s*(?:\.\s*([\w$]+)|\.\s*"((?:[^"\\]|\\.)*)"|\[\s*(\d+)\s*\]|\[\s*\*\s*\]|\.\s*\*|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\])/y;
    let rest = m[2];
    let ok = true;
    while (rest.trim() !== '') {
      re.lastIndex = 0;
      const s = re.exec(rest);
      if (!s) {
        ok = false;
        break;
      }
      const key = s[1] ?? s[2] ?? s[4] ?? s[5];
      if (key !== undefined) steps.push({ key });
      else if (s[3] !== undefined) steps.push({ index: Number(s[3]) });
      else steps.push({ wildcard: true });
      rest = rest.slice(s[0].length);
    }
    if (ok) path = { strict: m[1] === 'strict', steps };
  }
  paths.set(text, path);
  return path;
}

/** Thrown by strict paths on structural errors (a missing key, a wrong type). */
export class JsonPathError extends Error {}

/** Evaluates a path; lax mode skips what does not exist and unwraps arrays for member steps. */
export function evaluateJsonPath(path: JsonPath, root: unknown): unknown[] {
  let current: unknown[] = [root];
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if ('key' in step) {
        const targets = !path.strict && Array.isArray(value) ? value : [value];
        for (const target of targets) {
          if (target !== null && typeof target === 'object' && !Array.isArray(target) && step.key in target) next.push((target as Record<string, unknown>)[step.key]);
          else if (path.strict) throw new JsonPathError(`no member '${step.key}'`);
        }
      } else if ('index' in step) {
        const array = Array.isArray(value) ? value : path.strict ? undefined : [value];
        if (!array || step.index >= array.length) {
          if (path.strict) throw new JsonPathError(`no element ${step.index}`);
          continue;
        }
        next.push(array[step.index]);
      } else if (Array.isArray(value)) next.push(...value);
      else if (value !== null && typeof value === 'object') next.push(...Object.values(value));
      else if (path.strict) throw new JsonPathError('wildcard over a scalar');
    }
    current = next;
  }
  return current;
}

/** Parses JSON text; undefined when it is not valid JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
