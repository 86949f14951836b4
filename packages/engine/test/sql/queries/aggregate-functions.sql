-- Result types and rounding of the numeric aggregates (Flink's reduced forms), LISTAGG with a separator.
CREATE TABLE m (k STRING, i INT, d DOUBLE, p DECIMAL(10, 2), s STRING) WITH (
  'connector' = 'values',
  'data' = 'a,1,1.5,1.50,x; a,2,2.5,2.25,y; a,4,4.0,0.10,z; b,7,,,'
);
CREATE TABLE out_sink (
  k STRING, avg_i INT, avg_d DOUBLE, avg_p DECIMAL(38, 6), sum_p DECIMAL(38, 2),
  var_pop_i INT, var_samp_i INT, stddev_pop_d DOUBLE, stddev_samp_d DOUBLE, names STRING
) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT k, AVG(i), AVG(d), AVG(p), SUM(p), VAR_POP(i), VAR_SAMP(i), STDDEV_POP(d), STDDEV_SAMP(d), LISTAGG(s, '|')
FROM m
GROUP BY k;
