/**
 * Java regular expressions (java.util.regex) as JavaScript RegExps. The syntaxes agree on almost
 * everything Flink jobs write; this translates the differences that matter: leading inline flags
 * `(?i)`, `\A` / `\Z` / `\z`, POSIX classes such as `\p{Alpha}`, possessive quantifiers (treated as
 * greedy) and Java's replacement syntax (`\$` escapes, `${name}`).
 */
const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F', XDigit: '0-9a-fA-F', Space: ' \\t\\n\\x0B\\f\\r',
  L: '\\p{L}', IsAlphabetic: '\\p{Alphabetic}', javaLowerCase: 'a-z', javaUpperCase: 'A-Z',
};

const compiled = new Map<string, RegExp | null>();

function translate(pattern: string, global: boolean): RegExp {
  let flags = global ? 'g' : '';
  let source = pattern;
  const inline = /^\(\?([imsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1]) if (flag === 'i' || flag === 'm' || flag === 's') flags += flags.includes(flag) ? '' : flag;
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length) {
      const next = source[i + 1];
      if ((next === 'p' || next === 'P') && source[i + 2] === '{') {
        const end = source.indexOf('}', i);
        const name = source.slice(i + 3, end).replace(/^Is/, (m) => (source.slice(i + 3, end) in POSIX_CLASSES ? m : ''));
        const body = POSIX_CLASSES[source.slice(i + 3, end)] ?? POSIX_CLASSES[name];
        if (body !== undefined && !body.startsWith('\\p')) {
          out += inClass ? body : `[${next === 'P' ? '^' : ''}${body}]`;
          if (inClass && next === 'P') throw new SyntaxError('negated POSIX class inside a character class');
          i = end;
          continue;
        }
        flags += flags.includes('u') ? '' : 'u';
      } else if (next === 'A') {
        out += '^';
        i++;
        continue;
      } else if (next === 'Z' || next === 'z') {
        out += '$';
        i++;
        continue;
      }
      out += ch + next;
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '+' && !inClass && i > 0 && /[*+?}]/.test(source[i - 1]) && source[i - 2] !== '\\') continue;
    out += ch;
  }
  return new RegExp(out, flags);
}

/** The RegExp for a Java pattern, cached per pattern; null when it does not compile. */
export function javaRegex(pattern: string, global = false): RegExp | null {
  const key = global ? `g\u0000${pattern}` : pattern;
  let regex = compiled.get(key);
  if (regex === undefined) {
    try {
      regex = translate(pattern, global);
    } catch {
      regex = null;
    }
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(key, regex);
  }
  if (regex) regex.lastIndex = 0;
  return regex;
}

/** A message when a literal pattern does not compile (reported at planning time, as Flink does). */
export function checkLiteralRegex(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || javaRegex(pattern)) return undefined;
  return `invalid regular expression '${pattern}'`;
}

/** Converts a Java replacement string (`$1`, `${name}`, `\$`) to a JavaScript one. */
export function javaReplacement(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    if (ch === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i];
      out += next === '$' ? '$$' : next;
    } else if (ch === '$' && replacement[i + 1] === '{') {
      const end = replacement.indexOf('}', i);
      out += `$<${replacement.slice(i + 2, end)}>`;
      i = end;
    } else {
      out += ch;
    }
  }
  return out;
}
