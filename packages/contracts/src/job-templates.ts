/** A starting point for a new job: Flink SQL that declares its own tables, so it validates in a fresh workspace. */
export interface JobTemplate {
  /** Stable, URL-safe: `/jobs/new?template=<id>`. */
  id: string;
  name: string;
  /** One line for the gallery card. */
  description: string;
  /** Suggested job name (a valid JobName). */
  jobName: string;
  sql: string;
}

const filterEtl: JobTemplate = {
  id: 'filter-etl',
  name: 'Filter ETL',
  description: 'Clean, filter and reshape a stream of orders into another table.',
  jobName: 'orders-filter-etl',
  sql: `-- Filter ETL: read raw orders, drop the ones not worth keeping, normalise the rest.
-- datagen stands in for a real source (Kafka, a CDC table): swap the WITH clause to go live.
CREATE TABLE raw_orders (
  order_id BIGINT,
  customer STRING,
  amount DOUBLE,
  currency STRING
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '100',
  'fields.order_id.kind' = 'sequence',
  'fields.order_id.start' = '1',
  'fields.order_id.end' = '1000000000',
  'fields.amount.min' = '0',
  'fields.amount.max' = '500',
  'fields.customer.length' = '6',
  'fields.currency.length' = '3'
);

-- print shows each row in the worker's log; use blackhole to measure throughput instead.
CREATE TABLE clean_orders (
  order_id BIGINT,
  customer STRING,
  amount_cents BIGINT,
  currency STRING
) WITH (
  'connector' = 'print',
  'print-identifier' = 'clean'
);

INSERT INTO clean_orders
SELECT
  order_id,
  UPPER(TRIM(customer)) AS customer,
  CAST(ROUND(amount * 100, 0) AS BIGINT) AS amount_cents,
  UPPER(currency) AS currency
FROM raw_orders
-- Orders under a cent are test traffic.
WHERE amount >= 0.01;
`,
};

const windowedAggregate: JobTemplate = {
  id: 'windowed-aggregate',
  name: 'Windowed aggregate',
  description: 'Revenue and order count per product every minute, on event time with a watermark.',
  jobName: 'revenue-per-minute',
  sql: `-- Windowed aggregate: one row per product and minute, emitted when the watermark passes
-- the window's end, so each result is final and the sink can be append-only.
CREATE TABLE orders (
  order_id BIGINT,
  product_id INT,
  price DOUBLE,
  order_time TIMESTAMP(3),
  -- Rows may arrive up to 5 seconds out of order; later ones are dropped from their window.
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '200',
  'fields.product_id.min' = '1',
  'fields.product_id.max' = '20',
  'fields.price.min' = '1',
  'fields.price.max' = '100',
  'fields.order_time.max-past' = '5 s'
);

CREATE TABLE revenue_per_minute (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  product_id INT,
  orders BIGINT,
  revenue DOUBLE
) WITH (
  'connector' = 'print',
  'print-identifier' = 'revenue'
);

INSERT INTO revenue_per_minute
SELECT window_start, window_end, product_id, COUNT(*) AS orders, SUM(price) AS revenue
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end, product_id;
`,
};

const dedup: JobTemplate = {
  id: 'dedup',
  name: 'Deduplicate',
  description: 'Keep the first event per id, dropping the duplicates an at-least-once source delivers.',
  jobName: 'dedup-events',
  sql: `-- Deduplicate: an at-least-once producer may send an event twice; keep only its first copy.
-- ROW_NUMBER() = 1 ordered by a processing-time attribute keeps state per event_id only.
CREATE TABLE events (
  event_id BIGINT,
  user_id INT,
  action STRING,
  proc_time AS PROCTIME()
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '100',
  -- A narrow id range makes duplicates frequent, so the job visibly drops some.
  'fields.event_id.min' = '1',
  'fields.event_id.max' = '10000',
  'fields.user_id.min' = '1',
  'fields.user_id.max' = '500',
  'fields.action.length' = '5'
);

CREATE TABLE unique_events (
  event_id BIGINT,
  user_id INT,
  action STRING
) WITH (
  'connector' = 'print',
  'print-identifier' = 'unique'
);

INSERT INTO unique_events
SELECT event_id, user_id, action
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY proc_time ASC) AS row_num
  FROM events
)
WHERE row_num = 1;
`,
};

const topN: JobTemplate = {
  id: 'top-n',
  name: 'Top-N',
  description: 'The three best-selling products per category every ten minutes.',
  jobName: 'top-products',
  sql: `-- Top-N per window: aggregate sales per product in ten-minute windows, then rank within each
-- category and window. Ranking a windowed result emits final rows once the window closes.
CREATE TABLE sales (
  product_id INT,
  category STRING,
  quantity INT,
  sale_time TIMESTAMP(3),
  WATERMARK FOR sale_time AS sale_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '200',
  'fields.product_id.min' = '1',
  'fields.product_id.max' = '100',
  'fields.category.length' = '1',
  'fields.quantity.min' = '1',
  'fields.quantity.max' = '5',
  'fields.sale_time.max-past' = '5 s'
);

CREATE TABLE top_products (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  category STRING,
  product_id INT,
  units BIGINT,
  rank_in_category BIGINT
) WITH (
  'connector' = 'print',
  'print-identifier' = 'top3'
);

INSERT INTO top_products
SELECT window_start, window_end, category, product_id, units, rank_in_category
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, category ORDER BY units DESC) AS rank_in_category
  FROM (
    SELECT window_start, window_end, category, product_id, SUM(quantity) AS units
    FROM TABLE(TUMBLE(TABLE sales, DESCRIPTOR(sale_time), INTERVAL '10' MINUTE))
    GROUP BY window_start, window_end, category, product_id
  )
)
WHERE rank_in_category <= 3;
`,
};

const lookupJoin: JobTemplate = {
  id: 'lookup-join',
  name: 'Lookup join',
  description: 'Enrich each order with its product from a dimension table, looked up as the order arrives.',
  jobName: 'orders-enriched',
  sql: `-- Lookup join: each order looks its product up in a dimension table when it arrives
-- (FOR SYSTEM_TIME AS OF a processing-time attribute), so later changes to a product do not
-- rewrite orders already joined.
CREATE TABLE orders (
  order_id BIGINT,
  product_id BIGINT,
  quantity INT,
  proc_time AS PROCTIME()
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '50',
  'fields.product_id.min' = '1',
  'fields.product_id.max' = '10',
  'fields.quantity.min' = '1',
  'fields.quantity.max' = '10'
);

-- The dimension table: a CSV of "product_id,name,unit_price" lines. In production this is
-- usually a jdbc table; the cache keeps hot products in memory between lookups.
CREATE TABLE products (
  product_id BIGINT,
  name STRING,
  unit_price DOUBLE,
  PRIMARY KEY (product_id) NOT ENFORCED
) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/weir/products.csv',
  'format' = 'csv',
  'lookup.cache' = 'PARTIAL',
  'lookup.partial-cache.max-rows' = '1000'
);

CREATE TABLE enriched_orders (
  order_id BIGINT,
  product_name STRING,
  quantity INT,
  total DOUBLE
) WITH (
  'connector' = 'print',
  'print-identifier' = 'enriched'
);

-- LEFT JOIN keeps orders whose product is unknown, with NULL product columns.
INSERT INTO enriched_orders
SELECT o.order_id, p.name, o.quantity, o.quantity * p.unit_price
FROM orders AS o
LEFT JOIN products FOR SYSTEM_TIME AS OF o.proc_time AS p
  ON o.product_id = p.product_id;
`,
};

const cdcUpsert: JobTemplate = {
  id: 'cdc-upsert',
  name: 'CDC to upsert',
  description: "Mirror a PostgreSQL table's changes (inserts, updates, deletes) into an upsert table.",
  jobName: 'customers-cdc-upsert',
  sql: `-- CDC to upsert: read a PostgreSQL table's snapshot and then its changes through logical
-- replication, and keep a copy keyed by the primary key up to date.
-- Before deploying: set wal_level = logical on the database, point the options below at it,
-- and give the user REPLICATION; keep the password in a workspace secret, e.g.
-- 'password' = '\${secret.pg_password}'.
CREATE TABLE customers_cdc (
  id BIGINT,
  name STRING,
  email STRING,
  country STRING,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'postgres-cdc',
  'hostname' = 'localhost',
  'port' = '5432',
  'username' = 'replicator',
  'database-name' = 'shop',
  'schema-name' = 'public',
  'table-name' = 'customers',
  -- One slot per job: two jobs sharing a slot would each see only part of the changes.
  'slot.name' = 'weir_customers',
  'decoding.plugin.name' = 'pgoutput'
);

-- An upsert sink keyed like the source: an update overwrites the row, a delete removes it.
-- Swap print for jdbc (with the same PRIMARY KEY) to maintain a real table.
CREATE TABLE customers_by_country (
  country STRING,
  customers BIGINT,
  PRIMARY KEY (country) NOT ENFORCED
) WITH (
  'connector' = 'print',
  'print-identifier' = 'customers'
);

-- The count follows every change: moving a customer to another country retracts it from the old one.
INSERT INTO customers_by_country
SELECT country, COUNT(*) AS customers
FROM customers_cdc
GROUP BY country;
`,
};

const intervalJoin: JobTemplate = {
  id: 'interval-join',
  name: 'Interval join',
  description: 'Match each ad click to the impression it came from within the ten minutes before it.',
  jobName: 'click-attribution',
  sql: `-- Interval join: join two streams on a key and a time range. State for a row is kept only
-- until the watermark leaves its range, so the join stays bounded on infinite streams.
CREATE TABLE impressions (
  impression_id BIGINT,
  ad_id INT,
  shown_at TIMESTAMP(3),
  WATERMARK FOR shown_at AS shown_at - INTERVAL '5' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '100',
  'fields.ad_id.min' = '1',
  'fields.ad_id.max' = '50',
  'fields.shown_at.max-past' = '5 s'
);

CREATE TABLE clicks (
  click_id BIGINT,
  ad_id INT,
  clicked_at TIMESTAMP(3),
  WATERMARK FOR clicked_at AS clicked_at - INTERVAL '5' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '10',
  'fields.ad_id.min' = '1',
  'fields.ad_id.max' = '50',
  'fields.clicked_at.max-past' = '5 s'
);

CREATE TABLE attributed_clicks (
  click_id BIGINT,
  impression_id BIGINT,
  ad_id INT,
  shown_at TIMESTAMP(3),
  clicked_at TIMESTAMP(3)
) WITH (
  'connector' = 'print',
  'print-identifier' = 'attributed'
);

INSERT INTO attributed_clicks
SELECT c.click_id, i.impression_id, c.ad_id, i.shown_at, c.clicked_at
FROM clicks AS c
JOIN impressions AS i
  ON c.ad_id = i.ad_id
  AND i.shown_at BETWEEN c.clicked_at - INTERVAL '10' MINUTE AND c.clicked_at;
`,
};

/** The gallery on the new-job page, in the order it shows them. */
export const JOB_TEMPLATES: readonly JobTemplate[] = [filterEtl, windowedAggregate, dedup, topN, lookupJoin, cdcUpsert, intervalJoin];

/** The template with this id, or undefined. */
export function findJobTemplate(id: string): JobTemplate | undefined {
  return JOB_TEMPLATES.find((template) => template.id === id);
}
