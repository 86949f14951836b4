-- error: Join key must be the same as temporal table's primary key in Event-time temporal table join.
CREATE TABLE orders (id INT, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '1,114,2024-01-01 10:00:00');
CREATE TABLE rates (currency STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (currency) NOT ENFORCED) WITH ('connector' = 'values', 'data' = 'EUR,114,2024-01-01 10:00:00');
SELECT o.id, r.currency FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.amount = r.rate;
