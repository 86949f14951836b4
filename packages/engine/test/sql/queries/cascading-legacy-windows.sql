-- Legacy group windows: TUMBLE_ROWTIME stays an event-time attribute, so a second window can group on it;
-- HOP takes (slide, size).
CREATE TABLE clicks (usr STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = 'u1,2024-01-01 10:00:01; u2,2024-01-01 10:00:04; u1,2024-01-01 10:00:06 | u1,2024-01-01 10:00:12; u2,2024-01-01 10:00:21'
);
CREATE VIEW per_five AS
SELECT usr, COUNT(*) AS c, TUMBLE_START(ts, INTERVAL '5' SECOND) AS ws, TUMBLE_ROWTIME(ts, INTERVAL '5' SECOND) AS rt
FROM clicks
GROUP BY usr, TUMBLE(ts, INTERVAL '5' SECOND);

SELECT SUM(c) AS clicks, COUNT(*) AS groups, TUMBLE_START(rt, INTERVAL '10' SECOND) AS ws, TUMBLE_END(rt, INTERVAL '10' SECOND) AS we
FROM per_five
GROUP BY TUMBLE(rt, INTERVAL '10' SECOND);

SELECT usr, COUNT(*) AS c, HOP_START(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS ws, HOP_END(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS we
FROM clicks
GROUP BY HOP(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND), usr;
