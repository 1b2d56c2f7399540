-- Grants and data for the planner's ITs, after the conformance fixture and schema/extras.sql:
-- the extra tables readable, a tsvector column and rows with awkward values.
GRANT SELECT ON ALL TABLES IN SCHEMA content TO api_anonymous, api_user, api_editor, api_admin;
GRANT INSERT, UPDATE, DELETE ON content.orders, content.addresses, content.reactions TO api_editor;
ALTER TABLE content.comments ADD COLUMN search tsvector
  GENERATED ALWAYS AS (to_tsvector('english', body)) STORED;
CREATE TABLE content.notes (
  id    int PRIMARY KEY,
  body  text,
  tags  text[] NOT NULL DEFAULT '{}',
  span  int4range,
  extra jsonb,
  n     numeric
);
GRANT SELECT, INSERT, UPDATE, DELETE ON content.notes TO api_anonymous, api_user, api_editor;
INSERT INTO content.notes (id, body, tags, span, extra, n) VALUES
  (1, 'plain', '{a,b}', '[1,5)', '{"k": "v", "list": [1, 2, 3]}', 1.5),
  (2, 'it''s "quoted", with, commas', '{"x,y","q\"uote"}', '[5,10)', '{"k": null}', 2),
  (3, 'back\slash {braces} (parens)', '{}', '[20,30)', NULL, NULL),
  (4, 'NULL', '{NULL}', NULL, '{"k": "日本"}', -1),
  (5, 'ünïcödé ✓ 日本語', '{"ünï"}', 'empty', '[]', 1e10),
  (6, '', '{""}', '[2,3)', '{"nested": {"deep": [{"x": 1}]}}', 0);
CREATE FUNCTION content.notes_between(lo int, hi int) RETURNS SETOF content.notes
  LANGUAGE sql STABLE AS $$ SELECT * FROM content.notes WHERE id BETWEEN lo AND hi $$;
CREATE FUNCTION content.set_headers() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('response.headers', '[{"X-Test": "yes"}]', true);
  PERFORM set_config('response.status', '202', true);
  RETURN 1;
END $$;
CREATE FUNCTION content.many_args(a int, b text DEFAULT 'dflt', c jsonb DEFAULT NULL, d text[] DEFAULT NULL)
  RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT jsonb_build_object('a', a, 'b', b, 'c', c, 'd', d) $$;
CREATE FUNCTION content.take_object(payload jsonb) RETURNS jsonb
  LANGUAGE sql IMMUTABLE AS $$ SELECT payload $$;
CREATE FUNCTION content.upper_text(text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT upper($1) $$;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA content TO api_anonymous, api_user, api_editor, api_admin;
CREATE TABLE content.defaults_demo (
  id    serial PRIMARY KEY,
  label text NOT NULL DEFAULT 'dflt',
  n     int DEFAULT 7,
  tags  text[],
  doc   jsonb,
  span  int4range
);
GRANT SELECT, INSERT, UPDATE, DELETE ON content.defaults_demo TO api_anonymous, api_user, api_editor;
GRANT USAGE ON SEQUENCE content.defaults_demo_id_seq TO api_anonymous, api_user, api_editor;
INSERT INTO content.defaults_demo (label, n) VALUES ('one', 1), ('two', 2), ('three', 3);
-- A computed field: PostgreSQL's attribute notation finds it through the search_path.
CREATE FUNCTION content.title_upper(content.articles) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT upper($1.title) $$;
