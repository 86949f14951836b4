CREATE TABLE numbers (
  id INT,
  label STRING
) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '6',
  'fields.label.kind' = 'sequence', 'fields.label.start' = '10', 'fields.label.end' = '15'
);

CREATE TABLE out_sink (id INT, doubled INT, half INT, label STRING, big BOOLEAN) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT id, id * 2, id / 2, label || '!', id > 3
FROM numbers
WHERE id <> 2 AND label LIKE '1%';
