-- error: Table sink 'out_file' doesn't support consuming update changes which is produced by node GroupAggregate(groupBy=[auction], select=[auction, COUNT(*) AS EXPR$1])
CREATE TABLE bids (auction BIGINT, price BIGINT) WITH ('connector' = 'values', 'data' = '1,10');
CREATE TABLE out_file (auction BIGINT, cnt BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/weir-never-written', 'format' = 'csv');
INSERT INTO out_file SELECT auction, COUNT(*) FROM bids GROUP BY auction;
