CREATE TABLE src (id BIGINT) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '2'
);

CREATE TABLE out_sink (
  id BIGINT, price DECIMAL(23, 3), ratio DOUBLE, ts TIMESTAMP(3), d DATE, whole TIMESTAMP(3), s STRING, n STRING
) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT id, 0.908 * id, id / 4.0e0, TIMESTAMP '2024-01-01 10:00:00.123' + INTERVAL '1' MINUTE,
  DATE '2024-02-29', TIMESTAMP '2024-01-01 10:00:00', CAST(id * 1.5 AS STRING), CAST(NULL AS STRING)
FROM src;
