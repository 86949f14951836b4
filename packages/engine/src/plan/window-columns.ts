import type { LogicalNode, WindowSpec } from './logical-plan';

/**
 * What a column is to a window: window_start, window_end, window_time, or the DESCRIPTOR column
 * the window TVF assigned windows by. Flink tracks these as "window properties" so that operators downstream
 * of a window (joins, Top-N, deduplication) can fire per window instead of keeping rows forever.
 */
export interface WindowColumn {
  property: 'start' | 'end' | 'time' | 'descriptor';
  window: Exclude<WindowSpec, { kind: 'session' }>;
  timeAttribute: 'rowtime' | 'proctime';
}

const PROPERTIES = ['start', 'end', 'time'] as const;

/**
 * The window property column `column` of node `id` carries, traced back through calcs that pass it
 * on unchanged to the window TVF, window aggregate, window join or window Top-N producing it;
 * undefined when it is an ordinary column.
 */
export function windowColumn(nodeOf: (id: string) => LogicalNode, id: string, column: number): WindowColumn | undefined {
  const node = nodeOf(id);
  switch (node.kind) {
    case 'calc': {
      const expr = node.config.projection[column];
      return expr?.kind === 'input' ? windowColumn(nodeOf, node.inputs[0], expr.index) : undefined;
    }
    case 'window_table_function': {
      const { window, timeAttribute, timeIndex, fields } = node.config;
      const property = column === timeIndex ? 'descriptor' : PROPERTIES[column - (fields.length - 3)];
      return property ? { property, window, timeAttribute } : undefined;
    }
    case 'window_aggregate': {
      const { window, timeAttribute, fields } = node.config;
      const property = PROPERTIES[column - (fields.length - 3)];
      return property && window.kind !== 'session' ? { property, window, timeAttribute } : undefined;
    }
    case 'window_rank':
    case 'window_deduplicate':
      return column < nodeOf(node.inputs[0]).config.fields.length ? windowColumn(nodeOf, node.inputs[0], column) : undefined;
    case 'window_join': {
      // Outer joins pad window columns with NULLs; SEMI and ANTI emit the left row alone.
      const { joinType, leftWidth } = node.config;
      if (column < leftWidth && (joinType === 'INNER' || joinType === 'SEMI' || joinType === 'ANTI')) return windowColumn(nodeOf, node.inputs[0], column);
      if (column >= leftWidth && joinType === 'INNER') return windowColumn(nodeOf, node.inputs[1], column - leftWidth);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Whether two window columns come from the same window definition. */
export function sameWindow(a: WindowColumn, b: WindowColumn): boolean {
  return a.timeAttribute === b.timeAttribute && JSON.stringify(a.window) === JSON.stringify(b.window);
}
