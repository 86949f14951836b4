/**
 * The demo job: a datagen source, a SELECT with a projection and a filter, and a blackhole sink,
 * in Flink SQL. It runs without any external system, so a fresh install has something to deploy.
 */
export const DEMO_JOB_SQL = `CREATE TABLE orders (
  order_id BIGINT,
  price DOUBLE,
  buyer STRING
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '2000',
  'fields.order_id.kind' = 'sequence',
  'fields.order_id.start' = '1',
  'fields.order_id.end' = '1000000000',
  'fields.price.min' = '1',
  'fields.price.max' = '1000',
  'fields.buyer.length' = '8'
);

CREATE TABLE big_orders (
  order_id BIGINT,
  price DOUBLE,
  buyer STRING
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO big_orders
SELECT order_id, price, buyer
FROM orders
WHERE price > 100;
`;
