-- Lookup joins: FOR SYSTEM_TIME AS OF a processing-time attribute looks each order's product up in a file.
CREATE TABLE orders (id INT, product BIGINT, qty INT, p AS PROCTIME()) WITH (
  'connector' = 'values', 'data' = '1,1,2; 2,3,1; 3,7,4 | 4,,1; 5,2,9; 6,3,3'
);
CREATE TABLE products (pid BIGINT, name STRING, price INT) WITH (
  'connector' = 'filesystem', 'path' = 'test/sql/data/lookup-products.csv', 'format' = 'csv',
  'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '1'
);
CREATE TABLE enriched (id INT, name STRING, total INT) WITH ('connector' = 'print', 'print-identifier' = 'inner');
CREATE TABLE padded (id INT, name STRING, price INT) WITH ('connector' = 'print', 'print-identifier' = 'left');

INSERT INTO enriched
SELECT o.id, d.name, o.qty * d.price FROM orders AS o
JOIN products FOR SYSTEM_TIME AS OF o.p AS d ON o.product = d.pid AND d.price > 5;

INSERT INTO padded
SELECT o.id, d.name, d.price FROM orders AS o
LEFT JOIN products FOR SYSTEM_TIME AS OF o.p AS d ON d.pid = o.product + 0 AND d.name <> 'sofa-xl';
