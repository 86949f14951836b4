-- Event-time temporal join against an append-only versioned table: each order joins the rate of its
-- currency valid at the order's time (the latest version at or before it), once the watermark of
-- both inputs passes it. Order 8 finds the EUR version of 10:00:03 that arrived after it, order 5
-- arrives out of order and meets the version of exactly its time, order 7 arrives after the
-- watermark and before USD's first version; GBP never has a rate.
CREATE TABLE orders (id INT, currency STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,EUR,2,2024-01-01 10:00:02; 2,USD,1,2024-01-01 10:00:06; 3,GBP,5,2024-01-01 10:00:04; 8,EUR,1,2024-01-01 10:00:04
          | 4,EUR,3,2024-01-01 10:00:07; 5,EUR,1,2024-01-01 10:00:05
          | 6,EUR,1,2024-01-01 10:00:12; 7,USD,4,2024-01-01 09:59:59'
);
CREATE TABLE rates (currency STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (currency) NOT ENFORCED) WITH (
  'connector' = 'values',
  'data' = 'EUR,114,2024-01-01 10:00:00; USD,100,2024-01-01 10:00:00
          | EUR,116,2024-01-01 10:00:03; JPY,1,2024-01-01 10:00:03
          | EUR,119,2024-01-01 10:00:10; EUR,117,2024-01-01 10:00:05'
);
CREATE TABLE converted (id INT, order_ts TIMESTAMP(3), total INT, rate_ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'inner');
CREATE TABLE padded (id INT, currency STRING, rate INT) WITH ('connector' = 'print', 'print-identifier' = 'left');

INSERT INTO converted
SELECT o.id, o.ts, o.amount * r.rate, r.ts FROM orders AS o
JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;

-- The rest of ON filters the joined row; LEFT pads a row whose version fails it, or that has none.
INSERT INTO padded
SELECT o.id, o.currency, r.rate FROM orders AS o
LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON r.currency = o.currency AND r.rate < 119;

-- A view over the versioned table keeps its primary key and rowtime.
CREATE VIEW rates_x10 AS SELECT ts, currency, rate * 10 AS rate10 FROM rates;
CREATE TABLE through_view (id INT, rate10 INT) WITH ('connector' = 'print', 'print-identifier' = 'view');
INSERT INTO through_view
SELECT o.id, r.rate10 FROM orders AS o
JOIN rates_x10 FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency WHERE o.currency = 'EUR';
