-- Outer joins: unmatched rows are emitted padded with NULLs and retracted (-D) once a match arrives.
CREATE TABLE persons (id BIGINT, name STRING) WITH (
  'connector' = 'values', 'data' = '1,ann; 2,bob | 4,dan'
);
CREATE TABLE auctions (seller BIGINT, item STRING) WITH (
  'connector' = 'values', 'data' = '2,desk; 3,lamp | 1,sofa; 1,vase'
);
CREATE TABLE left_sink (name STRING, item STRING) WITH ('connector' = 'print', 'print-identifier' = 'left');
CREATE TABLE full_sink (name STRING, item STRING) WITH ('connector' = 'print', 'print-identifier' = 'full');

INSERT INTO left_sink SELECT P.name, A.item FROM persons P LEFT JOIN auctions A ON P.id = A.seller;
INSERT INTO full_sink SELECT P.name, A.item FROM persons P FULL OUTER JOIN auctions A ON P.id = A.seller;
