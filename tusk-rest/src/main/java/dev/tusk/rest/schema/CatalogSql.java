package dev.tusk.rest.schema;

/**
 * The catalog queries of one schema-cache load. Every value comes in as a bind parameter (the
 * exposed schemas as {@code text[]}, OIDs as {@code int8[]}); names are read as text. Each query
 * reads one kind of object for all relations at once, so the number of round trips does not grow
 * with the schema. The load sets {@code search_path} to {@code pg_catalog} first, so {@code
 * format_type} and {@code pg_get_expr} qualify every user type and object.
 */
final class CatalogSql {

  private CatalogSql() {}

  static final String SEARCH_PATH = "SELECT pg_catalog.set_config('search_path', ?, true)";

  /** The time zone names {@code Prefer: timezone} accepts, as PostgREST reads them. */
  static final String TIMEZONES = "SELECT name FROM pg_catalog.pg_timezone_names";

  static final String SUPERUSERS = "SELECT rolname FROM pg_catalog.pg_roles WHERE rolsuper";

  static final String MISSING_SCHEMAS =
      """
      SELECT s.name FROM pg_catalog.unnest(?::text[]) WITH ORDINALITY AS s(name, ord)
      WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname = s.name)
      ORDER BY s.ord
      """;

  /**
   * Tables are always writable (28 = update, insert and delete); asking {@code
   * pg_relation_is_updatable} only for views and foreign tables halves this query on big schemas.
   */
  static final String RELATIONS =
      """
      SELECT c.oid::int8, n.nspname::text, c.relname::text, c.relkind::text, c.relrowsecurity,
        CASE WHEN c.relkind IN ('r', 'p') THEN 28
             ELSE pg_catalog.pg_relation_is_updatable(c.oid::pg_catalog.regclass, true) END,
        d.description
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid
        AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
      WHERE n.nspname = ANY(?::text[]) AND c.relkind IN ('r', 'v', 'm', 'f', 'p')
      """;

  /** Domains are followed down to their base type; the innermost declared length wins. */
  static final String COLUMNS =
      """
      WITH RECURSIVE domains AS (
        SELECT t.oid AS domain, t.typbasetype AS base, t.typtypmod AS typmod, t.typnotnull AS notnull
        FROM pg_catalog.pg_type t WHERE t.typtype = 'd'
        UNION ALL
        SELECT d.domain, t.typbasetype, CASE WHEN d.typmod = -1 THEN t.typtypmod ELSE d.typmod END,
          d.notnull OR t.typnotnull
        FROM domains d JOIN pg_catalog.pg_type t ON t.oid = d.base WHERE t.typtype = 'd'
      )
      SELECT a.attrelid::int8, a.attnum::int4, a.attname::text,
        pg_catalog.format_type(a.atttypid, a.atttypmod),
        pg_catalog.format_type(bt.oid, coalesce(nullif(a.atttypmod, -1), d.typmod, -1)),
        NOT (a.attnotnull OR coalesce(d.notnull, false)),
        CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END,
        a.attidentity::text, a.attgenerated::text,
        bt.typcategory = 'A',
        CASE WHEN bt.oid IN ('pg_catalog.bpchar'::pg_catalog.regtype,
                             'pg_catalog.varchar'::pg_catalog.regtype)
              AND coalesce(nullif(a.atttypmod, -1), d.typmod, -1) >= 4
             THEN coalesce(nullif(a.atttypmod, -1), d.typmod) - 4 END,
        (SELECT pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
         FROM pg_catalog.pg_enum e WHERE e.enumtypid = bt.oid),
        cd.description
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      LEFT JOIN domains d ON d.domain = t.oid AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_type x WHERE x.oid = d.base AND x.typtype = 'd')
      JOIN pg_catalog.pg_type bt ON bt.oid = coalesce(d.base, t.oid)
      LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      LEFT JOIN pg_catalog.pg_description cd ON cd.objoid = a.attrelid
        AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cd.objsubid = a.attnum
      WHERE n.nspname = ANY(?::text[]) AND c.relkind IN ('r', 'v', 'm', 'f', 'p')
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum
      """;

  /** Keys of every user table: a junction or a view's base table may sit in any schema. */
  static final String KEYS =
      """
      SELECT con.conrelid::int8, con.contype = 'p', con.conkey::int4[]
      FROM pg_catalog.pg_constraint con
      JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype IN ('p', 'u') AND n.nspname <> ALL (?::text[])
      ORDER BY con.conrelid, con.conname
      """;

  /** Foreign keys of every user table, without the copies PostgreSQL makes per partition. */
  static final String FOREIGN_KEYS =
      """
      SELECT con.conname::text,
        con.conrelid::int8, sn.nspname::text, sc.relname::text, con.conkey::int4[],
        ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(n, o)
              JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n
              ORDER BY k.o),
        con.confrelid::int8, tn.nspname::text, tc.relname::text, con.confkey::int4[],
        ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(n, o)
              JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n
              ORDER BY k.o)
      FROM pg_catalog.pg_constraint con
      JOIN pg_catalog.pg_class sc ON sc.oid = con.conrelid
      JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
      JOIN pg_catalog.pg_class tc ON tc.oid = con.confrelid
      JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
      WHERE con.contype = 'f' AND con.conparentid = 0 AND sn.nspname <> ALL (?::text[])
      ORDER BY con.conname, sn.nspname, sc.relname
      """;

  /** The stored query of the views in the exposed schemas. */
  static final String EXPOSED_VIEW_DEFINITIONS =
      """
      SELECT r.ev_class::int8, r.ev_action::text
      FROM pg_catalog.pg_rewrite r
      JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE r.rulename = '_RETURN' AND c.relkind IN ('v', 'm') AND n.nspname = ANY(?::text[])
      """;

  /** The stored query of those of the given relations that are views (the rest are tables). */
  static final String VIEW_DEFINITIONS_BY_OID =
      """
      SELECT r.ev_class::int8, r.ev_action::text
      FROM pg_catalog.pg_rewrite r
      JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
      WHERE r.rulename = '_RETURN' AND c.relkind IN ('v', 'm')
        AND c.oid = ANY(?::int8[]::pg_catalog.oid[])
      """;

  static final String ROUTINES =
      """
      SELECT n.nspname::text, p.proname::text, p.provolatile::text, p.proretset,
        p.prorows::float8, p.pronargdefaults::int4, p.provariadic <> 0,
        coalesce(p.proargnames, '{}'::text[]),
        coalesce(p.proargmodes::text[], '{}'::text[]),
        ARRAY(SELECT pg_catalog.format_type(x.t, NULL)
              FROM pg_catalog.unnest(coalesce(p.proallargtypes, p.proargtypes::pg_catalog.oid[]))
                   WITH ORDINALITY AS x(t, o) ORDER BY x.o),
        ARRAY(SELECT coalesce(ty.typrelid, 0)::int8
              FROM pg_catalog.unnest(coalesce(p.proallargtypes, p.proargtypes::pg_catalog.oid[]))
                   WITH ORDINALITY AS x(t, o)
              LEFT JOIN pg_catalog.pg_type ty ON ty.oid = x.t ORDER BY x.o),
        rt.typtype::text, pg_catalog.format_type(p.prorettype, NULL), rt.typrelid::int8,
        rn.nspname::text, rt.typname::text, d.description
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      JOIN pg_catalog.pg_type rt ON rt.oid = p.prorettype
      JOIN pg_catalog.pg_namespace rn ON rn.oid = rt.typnamespace
      LEFT JOIN pg_catalog.pg_description d ON d.objoid = p.oid
        AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objsubid = 0
      WHERE n.nspname = ANY(?::text[]) AND p.prokind = 'f'
      ORDER BY n.nspname, p.proname, p.oid
      """;
}
