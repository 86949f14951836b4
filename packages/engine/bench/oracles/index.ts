import type { NexmarkConfig } from '../../src/connectors/nexmark';
import { sourceRowTimeMs } from '../source-row-clock';
import type { ChangelogSink } from './changelog-sink';
import { Q0_COLUMNS, runQ0 } from './q0';
import { Q1_COLUMNS, runQ1 } from './q1';
import { Q2_COLUMNS, runQ2 } from './q2';
import { Q3_COLUMNS, runQ3 } from './q3';
import { Q4_COLUMNS, runQ4 } from './q4';
import { Q5_COLUMNS, runQ5 } from './q5';
import { Q7_COLUMNS, runQ7 } from './q7';
import { Q8_COLUMNS, runQ8 } from './q8';
import { Q9_COLUMNS, runQ9 } from './q9';
import { Q10_COLUMNS, runQ10 } from './q10';
import { Q13_COLUMNS, runQ13 } from './q13';
import { Q18_COLUMNS, runQ18 } from './q18';
import { Q19_COLUMNS, runQ19 } from './q19';
import { Q20_COLUMNS, runQ20 } from './q20';
import { Q23_COLUMNS, runQ23 } from './q23';
import { Q11_COLUMNS, runQ11 } from './q11';
import { Q12_COLUMNS, runQ12 } from './q12';
import { Q14_COLUMNS, runQ14 } from './q14';
import { Q15_COLUMNS, runQ15 } from './q15';
import { Q16_COLUMNS, runQ16 } from './q16';
import { Q17_COLUMNS, runQ17 } from './q17';
import { Q21_COLUMNS, runQ21 } from './q21';
import { Q22_COLUMNS, runQ22 } from './q22';

export type { ChangelogSink, RowKind } from './changelog-sink';

/** A reference implementation of one Nexmark query and its sink's column types. */
export interface NexmarkOracle {
  query: string;
  columns: readonly string[];
  run(config: NexmarkConfig, sink: ChangelogSink): void;
  /** True when the rows depend on processing time: the bench runs the engine on `SourceRowClock`, the oracle on `sourceRowTimeMs`. */
  processingTime?: boolean;
}

/** Every oracle: Engine I queries first, then Engine II. */
export const NEXMARK_ORACLES: readonly NexmarkOracle[] = [
  { query: 'q0', columns: Q0_COLUMNS, run: runQ0 },
  { query: 'q1', columns: Q1_COLUMNS, run: runQ1 },
  { query: 'q2', columns: Q2_COLUMNS, run: runQ2 },
  { query: 'q11', columns: Q11_COLUMNS, run: runQ11 },
  { query: 'q12', columns: Q12_COLUMNS, run: (config, sink) => runQ12(config, sink, sourceRowTimeMs), processingTime: true },
  { query: 'q14', columns: Q14_COLUMNS, run: runQ14 },
  { query: 'q15', columns: Q15_COLUMNS, run: runQ15 },
  { query: 'q16', columns: Q16_COLUMNS, run: runQ16 },
  { query: 'q17', columns: Q17_COLUMNS, run: runQ17 },
  { query: 'q21', columns: Q21_COLUMNS, run: runQ21 },
  { query: 'q22', columns: Q22_COLUMNS, run: runQ22 },
  { query: 'q3', columns: Q3_COLUMNS, run: runQ3 },
  { query: 'q4', columns: Q4_COLUMNS, run: runQ4 },
  { query: 'q5', columns: Q5_COLUMNS, run: runQ5 },
  { query: 'q7', columns: Q7_COLUMNS, run: runQ7 },
  { query: 'q8', columns: Q8_COLUMNS, run: runQ8 },
  { query: 'q9', columns: Q9_COLUMNS, run: runQ9 },
  { query: 'q10', columns: Q10_COLUMNS, run: runQ10 },
  { query: 'q13', columns: Q13_COLUMNS, run: runQ13 },
  { query: 'q18', columns: Q18_COLUMNS, run: runQ18 },
  { query: 'q19', columns: Q19_COLUMNS, run: runQ19 },
  { query: 'q20', columns: Q20_COLUMNS, run: runQ20 },
  { query: 'q23', columns: Q23_COLUMNS, run: runQ23 },
];
