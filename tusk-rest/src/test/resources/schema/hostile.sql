-- Names that break naive quoting or parsing: quotes, spaces, brackets, node-tree syntax, unicode,
-- upper case, and two tables whose names differ only in case.
CREATE SCHEMA "We""ird Schéma";
CREATE SCHEMA "API";
CREATE SCHEMA hidden;
CREATE SCHEMA empty_one;

CREATE TABLE "We""ird Schéma"."Tä ble (1)" (
  "I d"                           int PRIMARY KEY,
  "x) {TARGETENTRY :resorigtbl 1" text,
  ":resorigtbl"                   int
);
CREATE TABLE "We""ird Schéma"."Child ""rows""" (
  "ID"         serial PRIMARY KEY,
  "Parent Ref" int CONSTRAINT "fk ""quoted"" name" REFERENCES "We""ird Schéma"."Tä ble (1)" ("I d"),
  "ünï"        text
);
CREATE VIEW "We""ird Schéma"."V (1)" AS
  SELECT "Parent Ref" AS "p r", "ID", "ünï" || '{TARGETENTRY :resorigtbl 7}' AS "{x}"
  FROM "We""ird Schéma"."Child ""rows""";
CREATE FUNCTION "We""ird Schéma"."😀"() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;

CREATE TABLE "API"."Users" ("Id" int PRIMARY KEY);
CREATE TABLE "API".users (id int PRIMARY KEY, "Owner" int REFERENCES "API"."Users" ("Id"));
CREATE FUNCTION "API"."Do It"("In Put" int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON TABLE "API"."Users" IS 'Ünïcode ''quoted'' comment';

-- A view in an exposed schema over a table in a hidden one.
CREATE TABLE hidden.profiles (user_id int PRIMARY KEY REFERENCES "API"."Users" ("Id"), bio text);
CREATE VIEW "API"."Profiles" AS SELECT user_id AS "User", bio FROM hidden.profiles;
