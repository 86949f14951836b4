import { defineMessages } from './define-messages';

/** Throughput chart and per-vertex counters. */
export const monitoring = defineMessages(
  {
    recordsPerSecond: 'Records/s',
    vertex: 'Vertex',
    recordsIn: 'Records in',
    recordsOut: 'Records out',
    inPerSecond: 'In/s',
    outPerSecond: 'Out/s',
    noSamples: 'No samples yet',
  },
  {
    recordsPerSecond: '记录数/秒',
    vertex: '算子节点',
    recordsIn: '输入记录数',
    recordsOut: '输出记录数',
    inPerSecond: '输入/秒',
    outPerSecond: '输出/秒',
    noSamples: '暂无采样',
  },
);
