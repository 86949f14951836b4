-- Event-time temporal join against a changelog versioned table (upsert semantics by primary key):
-- +I/+U start a version at their time, -D ends the currency's versions at its time (the -U before
-- a +U changes nothing). USD is deleted at 10:00:04, so order 4 (10:00:05) finds no rate until
-- USD comes back at 10:00:08; EUR is deleted at 10:00:09, so order 6 (10:00:10) finds none either.
CREATE TABLE orders (id INT, currency STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,EUR,2024-01-01 10:00:01; 2,USD,2024-01-01 10:00:02
          | 3,EUR,2024-01-01 10:00:05; 4,USD,2024-01-01 10:00:05
          | 5,USD,2024-01-01 10:00:08; 6,EUR,2024-01-01 10:00:10
          | 7,EUR,2024-01-01 10:00:12; 8,USD,2024-01-01 10:00:13'
);
CREATE TABLE rates (currency STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (currency) NOT ENFORCED) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I,EUR,114,2024-01-01 10:00:00; +I,USD,100,2024-01-01 10:00:00
          | -U,EUR,114,2024-01-01 10:00:00; +U,EUR,116,2024-01-01 10:00:03; -D,USD,100,2024-01-01 10:00:04
          | +I,USD,101,2024-01-01 10:00:08; -D,EUR,116,2024-01-01 10:00:09
          | +I,EUR,120,2024-01-01 10:00:12'
);
CREATE TABLE inner_rates (id INT, currency STRING, rate INT) WITH ('connector' = 'print', 'print-identifier' = 'inner');
CREATE TABLE left_rates (id INT, currency STRING, rate INT) WITH ('connector' = 'print', 'print-identifier' = 'left');

INSERT INTO inner_rates
SELECT o.id, o.currency, r.rate FROM orders AS o
JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;

INSERT INTO left_rates
SELECT o.id, o.currency, r.rate FROM orders AS o
LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;

-- An updating left input: each joined row keeps the kind of its order change.
CREATE TABLE order_changes (id INT, currency STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I,9,EUR,2024-01-01 10:00:01 | -U,9,EUR,2024-01-01 10:00:01; +U,9,USD,2024-01-01 10:00:02 | -D,9,USD,2024-01-01 10:00:02'
);
CREATE TABLE changed_rates (id INT, currency STRING, rate INT) WITH ('connector' = 'print', 'print-identifier' = 'changes');
INSERT INTO changed_rates
SELECT o.id, o.currency, r.rate FROM order_changes AS o
JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;
