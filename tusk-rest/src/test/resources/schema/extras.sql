-- Additions to the conformance fixture for the schema-cache tests: the relationship shapes the
-- fixture lacks (two keys between one pair, one-to-one, views, a hidden cross-schema junction,
-- computed relationships) and the function shapes (overloads, variadic, RETURNS TABLE, SETOF
-- scalar, void, an unnamed json parameter). Load after fixture.sql.

-- Two foreign keys between the same pair of tables.
CREATE TABLE content.addresses (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE content.orders (
  id                  int PRIMARY KEY,
  name                text,
  billing_address_id  int,
  shipping_address_id int,
  CONSTRAINT billing  FOREIGN KEY (billing_address_id)  REFERENCES content.addresses (id),
  CONSTRAINT shipping FOREIGN KEY (shipping_address_id) REFERENCES content.addresses (id)
);

-- One-to-one: the key is the table's primary key.
CREATE TABLE content.article_stats (
  article_id bigint PRIMARY KEY REFERENCES content.articles (id),
  views      int NOT NULL DEFAULT 0
);

-- Enum, domains, identity, generated and length-limited columns; a composite key.
CREATE TYPE content.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN content.short_text AS varchar(20);
CREATE DOMAIN content.shorter_text AS content.short_text NOT NULL CHECK (length(VALUE) < 10);
CREATE TABLE content.reactions (
  id         int GENERATED ALWAYS AS IDENTITY,
  article_id bigint NOT NULL REFERENCES content.articles (id),
  mood       content.mood NOT NULL DEFAULT 'ok',
  note       content.short_text,
  tag        content.shorter_text,
  code       char(3),
  doubled    int GENERATED ALWAYS AS (id * 2) STORED,
  PRIMARY KEY (id, article_id)
);

-- Views: a filter over one table, a view over that view, a join, an expression-only view.
CREATE VIEW content.published_articles AS
  SELECT id, owner_id AS author_id, category_id, title FROM content.articles WHERE status = 'published';
CREATE VIEW content.recent_articles AS
  SELECT title, category_id AS cat, id FROM content.published_articles;
CREATE VIEW content.article_cards AS
  SELECT a.title, a.id, c.name AS category, a.category_id
  FROM content.articles a LEFT JOIN content.categories c ON c.id = a.category_id;
CREATE VIEW content.title_lengths AS SELECT id + 0 AS id, length(title) AS len FROM content.articles;
CREATE MATERIALIZED VIEW content.category_counts AS
  SELECT category_id, count(*) AS n FROM content.articles GROUP BY category_id;

-- A junction outside the exposed schemas, across the two exposed ones.
CREATE SCHEMA private;
CREATE TABLE private.favourites (
  user_id     uuid REFERENCES identity.users (id),
  category_id int  REFERENCES content.categories (id),
  PRIMARY KEY (user_id, category_id)
);

-- Functions.
CREATE FUNCTION content.add(x text, y text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT x || y $$;
CREATE FUNCTION content.sum_all(VARIADIC nums int[]) RETURNS int
  LANGUAGE sql IMMUTABLE AS $$ SELECT sum(n)::int FROM unnest(nums) n $$;
CREATE FUNCTION content.article_titles(min_words int DEFAULT 0) RETURNS TABLE (id bigint, title text)
  LANGUAGE sql STABLE AS $$ SELECT id, title FROM content.articles WHERE coalesce(word_count, 0) >= min_words $$;
CREATE FUNCTION content.label_names() RETURNS SETOF text LANGUAGE sql STABLE AS $$ SELECT name FROM content.labels $$;
CREATE FUNCTION content.noop() RETURNS void LANGUAGE sql AS $$ SELECT $$;
CREATE FUNCTION content.echo(json) RETURNS json LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;
CREATE FUNCTION content.split(s text, OUT head text, OUT tail text)
  LANGUAGE sql IMMUTABLE AS $$ SELECT left(s, 1), substr(s, 2) $$;
-- Computed relationships: one to-one (ROWS 1), one to-many.
CREATE FUNCTION content.first_comment(content.articles) RETURNS SETOF content.comments ROWS 1
  LANGUAGE sql STABLE AS $$ SELECT * FROM content.comments WHERE article_id = $1.id ORDER BY id LIMIT 1 $$;
CREATE FUNCTION content.long_comments(content.articles) RETURNS SETOF content.comments
  LANGUAGE sql STABLE AS $$ SELECT * FROM content.comments WHERE article_id = $1.id AND length(body) > 5 $$;

COMMENT ON TABLE content.articles IS 'Articles, one per post';
COMMENT ON COLUMN content.articles.title IS 'The headline';
COMMENT ON FUNCTION content.add(int, int) IS 'Adds two numbers';
COMMENT ON VIEW content.article_cards IS 'Cards for the front page';
