-- error: division by zero
CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '1');
CREATE TABLE out_sink (q INT) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT 10 / id FROM src;
