-- A LEFT JOIN over an updating right input: an update of the match is -D old / +I new, and when
-- the right row is deleted (HAVING stops holding) the left row returns padded with NULLs.
CREATE TABLE persons (id BIGINT, name STRING) WITH (
  'connector' = 'values', 'data' = '1,ann; 2,bob'
);
CREATE TABLE bids (bidder BIGINT, price BIGINT) WITH (
  'connector' = 'values', 'data' = '1,10 | 1,20; 2,7 | 1,30'
);
CREATE TABLE out_sink (name STRING, bids BIGINT, best BIGINT) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT P.name, M.n, M.best
FROM persons P
LEFT JOIN (SELECT bidder, COUNT(*) AS n, MAX(price) AS best FROM bids GROUP BY bidder HAVING COUNT(*) < 3) M
ON P.id = M.bidder;
