-- error: RIGHT joins with FOR SYSTEM_TIME AS OF (lookup and temporal joins) are not supported; Flink supports INNER and LEFT
CREATE TABLE orders (id INT, currency STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '1,EUR,2024-01-01 10:00:00');
CREATE TABLE rates (currency STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (currency) NOT ENFORCED) WITH ('connector' = 'values', 'data' = 'EUR,114,2024-01-01 10:00:00');
SELECT o.id, r.rate FROM orders AS o RIGHT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;
