import { blankline, hardline, join, nest, space, type Doc } from './doc';
import type { SqlComment } from './format-token';
import { brokenListDoc, inline, tokenDoc } from './inline-layout';
import { queryDoc } from './query-layout';
import type { SpacingOptions } from './token-spacing';
import { isKeywordNode, isOpNode, startsQuery, type GroupNode, type TreeNode } from './token-tree';

/** In DDL and INSERT headers a name before `(` is a table with its columns: `sink (a, b)`. */
const HEADER: SpacingOptions = { calls: false };
const EXPLAINED = ['INSERT', 'SELECT', 'WITH', 'VALUES', 'EXECUTE', 'CREATE', 'BEGIN'];

/** The statements of a script separated by blank lines, then the comments after the last one. */
export function scriptDoc(statements: TreeNode[][], endComments: SqlComment[]): Doc {
  const docs: Doc[] = [];
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index];
    if (!opensStatementSet(statement)) {
      docs.push(statementDoc(statement));
      continue;
    }
    const end = statements.findIndex((candidate, at) => at > index && isKeywordNode(candidate[0], 'END'));
    const stop = end < 0 ? statements.length : end;
    docs.push(statementSetDoc(statement, statements.slice(index + 1, stop), statements[end]));
    index = stop;
  }
  return [join(docs, blankline), endComments.map((comment) => [comment.blankBefore ? blankline : hardline, comment.text])];
}

/** One statement and its ';'. */
export function statementDoc(nodes: TreeNode[]): Doc {
  const last = nodes[nodes.length - 1];
  if (last?.kind === 'token' && isOpNode(last, ';')) return [bodyDoc(nodes.slice(0, -1)), tokenDoc(last.token)];
  return bodyDoc(nodes);
}

function bodyDoc(nodes: TreeNode[]): Doc {
  if (startsQuery(nodes)) return queryDoc(nodes);
  const statementOf = (words: string[]) => words.every((word, index) => isKeywordNode(nodes[index], word));
  if (isKeywordNode(nodes[0], 'INSERT')) return headedQueryDoc(nodes, nodes.findIndex((node, index) => index > 0 && startsQuery([node])));
  if (isKeywordNode(nodes[0], 'EXPLAIN')) {
    const inner = nodes.findIndex((node, index) => index > 0 && (startsQuery([node]) || EXPLAINED.some((word) => isKeywordNode(node, word))));
    return inner < 0 ? inline(nodes, queryDoc) : [inline(nodes.slice(0, inner), queryDoc), hardline, bodyDoc(nodes.slice(inner))];
  }
  if (statementOf(['CREATE', 'TABLE']) || statementOf(['CREATE', 'TEMPORARY', 'TABLE'])) return createTableDoc(nodes);
  if (statementOf(['CREATE', 'VIEW']) || statementOf(['CREATE', 'TEMPORARY', 'VIEW'])) {
    return headedQueryDoc(nodes, nodes.findIndex((node, index) => isKeywordNode(nodes[index - 1], 'AS') && startsQuery([node])));
  }
  return inline(nodes, queryDoc, HEADER);
}

// `INSERT INTO t` or `CREATE VIEW v AS` on its own line, the query below it.
function headedQueryDoc(nodes: TreeNode[], queryStart: number): Doc {
  if (queryStart < 0) return inline(nodes, queryDoc, HEADER);
  return [inline(nodes.slice(0, queryStart), queryDoc, HEADER), hardline, queryDoc(nodes.slice(queryStart))];
}

// CREATE TABLE t ( one column per line ) WITH ( one option per line ), the rest on the closing line.
function createTableDoc(nodes: TreeNode[]): Doc {
  const columnsAt = nodes.findIndex((node) => node.kind === 'group' && node.bracket === '(');
  if (columnsAt < 0) return inline(nodes, queryDoc, HEADER);
  const columns = nodes[columnsAt] as GroupNode;
  const docs: Doc[] = [inline(nodes.slice(0, columnsAt), queryDoc, HEADER), space, brokenListDoc(columns, queryDoc)];
  let run: TreeNode[] = [];
  const flush = () => {
    if (run.length > 0) docs.push(space, inline(run, queryDoc, HEADER));
    run = [];
  };
  for (let index = columnsAt + 1; index < nodes.length; index++) {
    const options = nodes[index + 1];
    if (isKeywordNode(nodes[index], 'WITH') && options?.kind === 'group' && options.bracket === '(') {
      flush();
      docs.push(space, inline([nodes[index]], queryDoc), space, brokenListDoc(options, queryDoc));
      index++;
    } else run.push(nodes[index]);
  }
  flush();
  return docs;
}

function opensStatementSet(nodes: TreeNode[]): boolean {
  const startsWith = (words: string[]) => words.every((word, index) => isKeywordNode(nodes[index], word));
  return startsWith(['EXECUTE', 'STATEMENT', 'SET', 'BEGIN']) || startsWith(['BEGIN', 'STATEMENT', 'SET']);
}

// EXECUTE STATEMENT SET / BEGIN above its INSERTs, indented and a blank line apart, then END.
function statementSetDoc(first: TreeNode[], inner: TreeNode[][], end: TreeNode[] | undefined): Doc {
  const executeForm = isKeywordNode(first[0], 'EXECUTE');
  const header = executeForm ? [inline(first.slice(0, 3), queryDoc), hardline, inline([first[3]], queryDoc)] : statementDoc(first);
  const statements = executeForm && first.length > 4 ? [first.slice(4), ...inner] : inner;
  return [header, nest([hardline, join(statements.map(statementDoc), blankline)]), end ? [hardline, statementDoc(end)] : []];
}
