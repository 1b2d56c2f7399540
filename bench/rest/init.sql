-- The benchmark's schema: 100k items (grp = id % 1000, so 100 rows per group), three tags per
-- item for the to-many embed, a function for RPC, RLS with a permissive policy for api_user.
CREATE TABLE content.items (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  grp int NOT NULL,
  created timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX items_grp ON content.items (grp);
INSERT INTO content.items (name, grp) SELECT 'item ' || g, g % 1000 FROM generate_series(1, 100000) g;
CREATE TABLE content.tags (
  id bigserial PRIMARY KEY,
  item_id bigint NOT NULL REFERENCES content.items,
  tag text NOT NULL
);
CREATE INDEX tags_item_id ON content.tags (item_id);
INSERT INTO content.tags (item_id, tag) SELECT i, 'tag ' || t FROM generate_series(1, 100000) i, generate_series(1, 3) t;
CREATE FUNCTION content.add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
ALTER TABLE content.items ENABLE ROW LEVEL SECURITY;
ALTER TABLE content.tags ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_api ON content.items TO api_user USING (true) WITH CHECK (true);
CREATE POLICY tags_api ON content.tags TO api_user USING (true);
GRANT USAGE ON SCHEMA content TO api_user;
GRANT SELECT, INSERT ON content.items TO api_user;
GRANT SELECT ON content.tags TO api_user;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA content TO api_user;
GRANT EXECUTE ON FUNCTION content.add(int, int) TO api_user;
ANALYZE content.items, content.tags;
