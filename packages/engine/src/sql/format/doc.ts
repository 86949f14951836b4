/**
 * A small Wadler-style document: text, places that may break, indentation and groups that
 * print on one line when they fit. The printer decides from the document alone, so the same
 * tokens and comments always print the same way.
 */
export type Doc = string | readonly Doc[] | DocNode;

type DocNode =
  /** One space, dropped at the start and end of a line. */
  | { kind: 'space' }
  /** A space (nothing when soft) in a flat group; a line break when its group breaks. */
  | { kind: 'line'; soft: boolean }
  /** Always a line break (a blank line when `blank`); the groups around it cannot be flat. */
  | { kind: 'hard'; blank: boolean }
  | { kind: 'nest'; doc: Doc }
  | { kind: 'group'; doc: Doc };

export const space: Doc = { kind: 'space' };
export const line: Doc = { kind: 'line', soft: false };
export const softline: Doc = { kind: 'line', soft: true };
export const hardline: Doc = { kind: 'hard', blank: false };
export const blankline: Doc = { kind: 'hard', blank: true };

const INDENT = 2;

/** Indents the line breaks inside `doc` one level deeper. */
export function nest(doc: Doc): Doc {
  return { kind: 'nest', doc };
}

/** Prints `doc` on one line if it fits, else breaks each of its own lines. */
export function group(doc: Doc): Doc {
  return { kind: 'group', doc };
}

/** `docs` with `separator` between each two. */
export function join(docs: Doc[], separator: Doc): Doc {
  return docs.flatMap((doc, index) => (index === 0 ? [doc] : [separator, doc]));
}

interface Command {
  indent: number;
  flat: boolean;
  doc: Doc;
}

/** Prints a document within `width` columns where it can; the text ends with a newline unless empty. */
export function renderDoc(doc: Doc, width: number): string {
  const out = new Output();
  const stack: Command[] = [{ indent: 0, flat: false, doc }];
  for (let command = stack.pop(); command; command = stack.pop()) {
    const { indent, flat, doc: current } = command;
    if (typeof current === 'string') out.text(current);
    else if (Array.isArray(current)) for (let index = current.length - 1; index >= 0; index--) stack.push({ indent, flat, doc: current[index] });
    else {
      const node = current as DocNode;
      if (node.kind === 'space') out.space();
      else if (node.kind === 'line') {
        if (!flat) out.newline(indent, false);
        else if (!node.soft) out.space();
      } else if (node.kind === 'hard') out.newline(indent, node.blank);
      else if (node.kind === 'nest') stack.push({ indent: indent + INDENT, flat, doc: node.doc });
      else stack.push({ indent, flat: flat || fits(node.doc, stack, width - out.column()), doc: node.doc });
    }
  }
  return out.finish();
}

// Whether `doc` printed flat, and what follows it up to the next line break, fits in `remaining`.
function fits(doc: Doc, rest: Command[], remaining: number): boolean {
  const todo: { flat: boolean; doc: Doc; measured: boolean }[] = [{ flat: true, doc, measured: true }];
  let restIndex = rest.length;
  let left = remaining;
  while (left >= 0) {
    const next = todo.pop() ?? (restIndex > 0 ? { ...rest[--restIndex], measured: false } : undefined);
    if (!next) return true;
    const { flat, doc: current, measured } = next;
    if (typeof current === 'string') {
      const newline = current.indexOf('\n');
      if (newline >= 0) return !measured && left - newline >= 0;
      left -= current.length;
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) todo.push({ flat, doc: current[index], measured });
    } else {
      const node = current as DocNode;
      if (node.kind === 'space') left -= 1;
      else if (node.kind === 'line') {
        if (!flat) return true;
        if (!node.soft) left -= 1;
      } else if (node.kind === 'hard') return !measured;
      else todo.push({ flat, doc: node.doc, measured });
    }
  }
  return false;
}

/** The text being printed: line breaks are held back until text follows, so none trail or repeat. */
class Output {
  private readonly lines: string[] = [];
  private current = '';
  private started = false;
  private lineHasText = false;
  private pendingBreak: 0 | 1 | 2 = 0;
  private pendingIndent = 0;
  private pendingSpace = false;

  text(text: string): void {
    if (this.pendingBreak > 0 && this.started) {
      this.lines.push(this.current);
      if (this.pendingBreak === 2) this.lines.push('');
      this.current = ' '.repeat(this.pendingIndent);
    } else if (this.pendingSpace) {
      this.current += ' ';
    }
    this.pendingBreak = 0;
    this.pendingSpace = false;
    const parts = text.split('\n');
    this.current += parts[0];
    for (const part of parts.slice(1)) {
      this.lines.push(this.current);
      this.current = part;
    }
    this.started = true;
    this.lineHasText = true;
  }

  space(): void {
    if (this.pendingBreak === 0 && this.lineHasText) this.pendingSpace = true;
  }

  newline(indent: number, blank: boolean): void {
    this.pendingBreak = Math.max(this.pendingBreak, blank ? 2 : 1) as 1 | 2;
    this.pendingIndent = indent;
    this.pendingSpace = false;
    this.lineHasText = false;
  }

  /** The column the next text starts at. */
  column(): number {
    if (this.pendingBreak > 0) return this.pendingIndent;
    return this.current.length + (this.pendingSpace ? 1 : 0);
  }

  finish(): string {
    return this.started ? `${[...this.lines, this.current].join('\n')}\n` : '';
  }
}
