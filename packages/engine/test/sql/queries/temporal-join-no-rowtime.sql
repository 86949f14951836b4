-- error: Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found.
CREATE TABLE orders (id INT, currency STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '1,EUR,2024-01-01 10:00:00');
CREATE TABLE rates (currency STRING PRIMARY KEY NOT ENFORCED, rate INT, ts TIMESTAMP(3)) WITH ('connector' = 'values', 'data' = 'EUR,114,2024-01-01 10:00:00');
SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;
