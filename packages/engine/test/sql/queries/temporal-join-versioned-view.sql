-- Event-time temporal join against an updating versioned table: a view keeping the latest rate per
-- currency (Flink's versioned view) turns the rate history into +I/+U changes keyed by currency.
-- Order 1 waits for the watermark while EUR's 10:00:02 version arrives after it; the history's
-- late EUR row of 10:00:01 is older than the kept one, so the view drops it. Order 3 comes after
-- the watermark passed 10:00:02, which pruned the EUR versions before it: no match, as in Flink.
CREATE TABLE orders (id INT, currency STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,EUR,2024-01-01 10:00:03; 2,USD,2024-01-01 10:00:01
          | 3,EUR,2024-01-01 10:00:01; 4,USD,2024-01-01 10:00:09
          | 5,EUR,2024-01-01 10:00:08; 6,CHF,2024-01-01 10:00:09'
);
CREATE TABLE rate_history (currency STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = 'EUR,114,2024-01-01 10:00:00; USD,100,2024-01-01 10:00:00
          | EUR,116,2024-01-01 10:00:02; EUR,115,2024-01-01 10:00:01
          | USD,102,2024-01-01 10:00:09; EUR,118,2024-01-01 10:00:08'
);
CREATE VIEW versioned_rates AS
SELECT currency, rate, ts FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY ts DESC) AS rownum FROM rate_history
) WHERE rownum = 1;
CREATE TABLE inner_rates (id INT, currency STRING, rate INT, rate_ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'inner');
CREATE TABLE left_rates (id INT, currency STRING, rate INT) WITH ('connector' = 'print', 'print-identifier' = 'left');

INSERT INTO inner_rates
SELECT o.id, o.currency, r.rate, r.ts FROM orders AS o
JOIN versioned_rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;

INSERT INTO left_rates
SELECT o.id, o.currency, r.rate FROM orders AS o
LEFT JOIN versioned_rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;
