import { defineMessages } from './define-messages';

/**
 * The new-job gallery. Template cards repeat the English of @weir/contracts' JOB_TEMPLATES, so
 * they can be translated; a test keeps the two equal and every template listed.
 */
export const templates = defineMessages(
  {
    title: 'New job',
    subtitle: 'Start from a template: each one runs as it is on generated data, and is yours to change.',
    unknown: 'There is no template “{id}”; pick one below.',
    cards: {
      blank: { name: 'Blank', description: 'A source, a sink and the query that connects them, to write your own.' },
      'filter-etl': { name: 'Filter ETL', description: 'Clean, filter and reshape a stream of orders into another table.' },
      'windowed-aggregate': { name: 'Windowed aggregate', description: 'Revenue and order count per product every minute, on event time with a watermark.' },
      dedup: { name: 'Deduplicate', description: 'Keep the first event per id, dropping the duplicates an at-least-once source delivers.' },
      'top-n': { name: 'Top-N', description: 'The three best-selling products per category every ten minutes.' },
      'lookup-join': { name: 'Lookup join', description: 'Enrich each order with its product from a dimension table, looked up as the order arrives.' },
      'cdc-upsert': { name: 'CDC to upsert', description: "Mirror a PostgreSQL table's changes (inserts, updates, deletes) into an upsert table." },
      'interval-join': { name: 'Interval join', description: 'Match each ad click to the impression it came from within the ten minutes before it.' },
    },
  },
  {
    title: '新建作业',
    subtitle: '从模板开始：每个模板都能直接在生成的数据上运行，可随意修改。',
    unknown: '没有名为“{id}”的模板；请从下面选择一个。',
    cards: {
      blank: { name: '空白', description: '一张数据源表、一张结果表和连接它们的查询，由你自己编写。' },
      'filter-etl': { name: '过滤 ETL', description: '清洗、过滤并重塑订单流，写入另一张表。' },
      'windowed-aggregate': { name: '窗口聚合', description: '基于事件时间和水位线，每分钟统计每个商品的收入和订单数。' },
      dedup: { name: '去重', description: '每个 id 只保留第一条事件，丢弃至少一次语义的数据源带来的重复数据。' },
      'top-n': { name: 'Top-N', description: '每十分钟统计每个类目销量最高的三个商品。' },
      'lookup-join': { name: '维表关联', description: '订单到达时查找维表，为每个订单补充商品信息。' },
      'cdc-upsert': { name: 'CDC 写入 Upsert 表', description: '把 PostgreSQL 表的变更（插入、更新、删除）同步到 Upsert 结果表。' },
      'interval-join': { name: '区间关联', description: '把每次广告点击与其之前十分钟内的曝光匹配起来。' },
    },
  },
);
