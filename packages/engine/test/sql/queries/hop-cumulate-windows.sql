CREATE TABLE bids (price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,2024-01-01 10:00:01; 2,2024-01-01 10:00:04 | 3,2024-01-01 10:00:07 | 4,2024-01-01 10:00:11'
);
CREATE TABLE hop_sink (total INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'hop');
CREATE TABLE cumulate_sink (total INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'cumulate');

INSERT INTO hop_sink
SELECT SUM(price), window_start, window_end
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;

INSERT INTO cumulate_sink
SELECT SUM(price), window_start, window_end
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '4' SECOND, INTERVAL '8' SECOND))
GROUP BY window_start, window_end;
