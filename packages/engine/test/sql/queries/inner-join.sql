-- Regular inner joins: insert-only inputs give inserts; an updating input (an aggregate) gives +I/-D.
CREATE TABLE auctions (id BIGINT, item STRING, reserve INT) WITH (
  'connector' = 'values', 'data' = '1,lamp,10; 2,desk,50 | 3,sofa,5'
);
CREATE TABLE bids (auction BIGINT, price INT) WITH (
  'connector' = 'values', 'data' = '1,12; 2,40; 1,8; 9,1 | 2,60; 3,7'
);
CREATE TABLE matched (item STRING, price INT) WITH ('connector' = 'print', 'print-identifier' = 'above-reserve');
CREATE TABLE best (item STRING, best INT) WITH ('connector' = 'print', 'print-identifier' = 'best');

INSERT INTO matched
SELECT a.item, b.price FROM auctions AS a JOIN bids AS b ON a.id = b.auction AND b.price >= a.reserve;

INSERT INTO best
SELECT A.item, M.best
FROM auctions A
INNER JOIN (SELECT auction, MAX(price) AS best FROM bids GROUP BY auction) M ON A.id = M.auction;
