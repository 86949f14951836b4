-- error: Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time attribute field
CREATE TABLE orders (id INT, product BIGINT) WITH ('connector' = 'values', 'data' = '1,1');
CREATE TABLE products (pid BIGINT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'test/sql/data/lookup-products.csv', 'format' = 'csv');
SELECT o.id, d.name FROM orders AS o JOIN products FOR SYSTEM_TIME AS OF o.id AS d ON o.product = d.pid;
