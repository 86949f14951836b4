CREATE TABLE src (id BIGINT) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3'
);

CREATE TABLE out_sink (
  id BIGINT, url_part STRING, day_text STRING, hour_text STRING, trimmed STRING, position_in INT, extracted BIGINT,
  floored TIMESTAMP(3), rounded DECIMAL(22, 1), json_text STRING, tags ARRAY<STRING>, first_tag STRING
) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT id,
  REGEXP_EXTRACT('https://x.org/?a=1&channel_id=' || CAST(id AS STRING) || '&b=2', '(&|^)channel_id=([^&]*)', 2),
  DATE_FORMAT(TIMESTAMPADD(DAY, CAST(id AS INT), TIMESTAMP '2024-03-10 09:05:00'), 'yyyy-MM-dd'),
  DATE_FORMAT(TIMESTAMP '2024-03-10 09:05:00', 'HH:mm'),
  TRIM(BOTH 'x' FROM 'xx' || CAST(id AS STRING) || 'x'),
  POSITION('3' IN '123'),
  EXTRACT(DOY FROM DATE '2024-03-01'),
  FLOOR(TIMESTAMP '2024-03-10 09:05:30.250' TO MINUTE),
  ROUND(id * 1.25, 1),
  JSON_OBJECT('id' VALUE id, 'even' VALUE MOD(id, 2) = 0),
  SPLIT('a,b,' || CAST(id AS STRING), ','),
  SPLIT_INDEX('a,b,c', ',', CAST(id AS INT) - 1)
FROM src;
