import { EventRandom } from './src/connectors/nexmark/event-random';
import { nexmarkTables } from './src/connectors/nexmark/nexmark-tables';
const N = 1e7;
function t(name: string, f: () => number) { f(); const s = performance.now(); const r = f(); console.log(name, ((performance.now() - s) * 1e6 / N).toFixed(1), 'ns', r); }
const r = new EventRandom(0);
const tb = nexmarkTables();
t('reset+9 nextInt', () => { let s = 0; for (let i = 0; i < N; i++) { r.reset(i); for (let j = 0; j < 9; j++) s += r.nextInt(100); } return s; });
t('reset only', () => { let s = 0; for (let i = 0; i < N; i++) { r.reset(i); s += r.nextUint32(); } return s; });
t('substring', () => { let s = 0; for (let i = 0; i < N; i++) { const o = (i * 7919) & 0xfffff; s += tb.baseString.substring(o >> 1, (o >> 1) + 60).length; } return s; });
const objs = { a: '' };
t('substring store', () => { let s = 0; for (let i = 0; i < N; i++) { const o = (i * 7919) & 0xfffff; objs.a = tb.baseString.substring(o >> 1, (o >> 1) + 60); s += i; } return s; });
