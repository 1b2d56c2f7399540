package dev.tusk.migrate.drift;

import java.util.List;

/**
 * The one query behind {@link CatalogSnapshot}: each part returns {@code (path, kind, attributes
 * jsonb)} for one kind of object, and the parts share the CTEs that pick the schemas and relations
 * to look at, so a snapshot is one round trip whatever the size of the schema. It runs with {@code
 * search_path = pg_catalog}: {@code format_type}, {@code regprocedure} and the {@code pg_get_*def}
 * functions then qualify every user object, identically in every database.
 *
 * <p>Definitions come from the server's own deparsers ({@code pg_get_constraintdef}, {@code
 * pg_get_indexdef}, {@code pg_get_viewdef}, {@code pg_get_triggerdef}, ...), so two ways of writing
 * the same thing compare equal. Privileges are expanded with {@code aclexplode}, an ACL that was
 * never changed replaced by {@code acldefault} (a grant then a revoke gives back the default,
 * written out), and grouped by grantee as {@code grant to ROLE} attributes. Not covered: operators,
 * casts, collations, text search objects, foreign servers, publications, event triggers, database
 * settings, and data.
 */
final class CatalogQuery {

  private CatalogQuery() {}

  /** {@code (path, kind, attributes)} of every object, in no particular order. */
  static final String SQL;

  private static final String WITH =
      """
      WITH
      ext AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e'),
      ns AS (
        SELECT n.oid, n.nspowner, n.nspacl, quote_ident(n.nspname) AS q FROM pg_namespace n
        WHERE n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'tusk')
          AND NOT EXISTS (SELECT 1 FROM ext
                          WHERE ext.classid = 'pg_namespace'::regclass AND ext.objid = n.oid)),
      rel AS (
        SELECT c.oid, c.relkind, c.relowner, c.relacl, ns.q || '.' || quote_ident(c.relname) AS qname,
          CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
            WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table'
            ELSE 'type' END AS kind
        FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
          AND NOT EXISTS (SELECT 1 FROM ext
                          WHERE ext.classid = 'pg_class'::regclass AND ext.objid = c.oid)),
      relp AS (SELECT rel.*, rel.kind || ' ' || rel.qname AS path FROM rel)
      """;

  private static final String SCHEMAS =
      """
      SELECT 'schema ' || ns.q, 'schema', jsonb_build_object(
          'owner', quote_ident(pg_get_userbyid(ns.nspowner)),
          'comment', obj_description(ns.oid, 'pg_namespace'))
        || %s
      FROM ns
      """
          .formatted(grants("coalesce(ns.nspacl, acldefault('n', ns.nspowner))", "ns.nspowner"));

  private static final String RELATIONS =
      """
      SELECT r.path, r.kind, jsonb_build_object(
          'owner', quote_ident(pg_get_userbyid(r.relowner)),
          'comment', obj_description(r.oid, 'pg_class'),
          'persistence', CASE WHEN r.relkind IN ('r', 'p', 'm', 'S') THEN
            CASE c.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'logged' END END,
          'row level security', CASE WHEN r.relkind IN ('r', 'p') THEN
            CASE WHEN c.relforcerowsecurity AND c.relrowsecurity THEN 'enabled, forced'
              WHEN c.relrowsecurity THEN 'enabled'
              WHEN c.relforcerowsecurity THEN 'disabled, forced' ELSE 'disabled' END END,
          'partitioned by', CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,
          'partition of', CASE WHEN c.relispartition THEN
            (SELECT p.qname || ' ' || pg_get_expr(c.relpartbound, c.oid)
             FROM pg_inherits i JOIN rel p ON p.oid = i.inhparent WHERE i.inhrelid = r.oid) END,
          'inherits', CASE WHEN NOT c.relispartition THEN
            (SELECT string_agg(p.qname, ', ' ORDER BY i.inhseqno)
             FROM pg_inherits i JOIN rel p ON p.oid = i.inhparent WHERE i.inhrelid = r.oid) END,
          'options', array_to_string(c.reloptions, ', '),
          'definition', CASE WHEN r.relkind IN ('v', 'm') THEN pg_get_viewdef(r.oid, true) END,
          'replica identity', CASE WHEN r.relkind IN ('r', 'p') THEN
            CASE c.relreplident WHEN 'n' THEN 'nothing' WHEN 'f' THEN 'full'
              WHEN 'i' THEN 'index' END END,
          'type', CASE WHEN r.relkind = 'S' THEN format_type(s.seqtypid, NULL) END,
          'start', s.seqstart::text, 'increment', s.seqincrement::text,
          'minimum', s.seqmin::text, 'maximum', s.seqmax::text, 'cache', s.seqcache::text,
          'cycle', CASE s.seqcycle WHEN true THEN 'yes' WHEN false THEN 'no' END,
          'owned by', CASE WHEN r.relkind = 'S' THEN
            (SELECT t.qname || '.' || quote_ident(a.attname)
             FROM pg_depend d JOIN rel t ON t.oid = d.refobjid
               JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
               AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) END)
        || %s
      FROM relp r JOIN pg_class c ON c.oid = r.oid LEFT JOIN pg_sequence s ON s.seqrelid = r.oid
      WHERE r.relkind <> 'c'
      """
          .formatted(
              grants(
                  "coalesce(r.relacl, acldefault(CASE WHEN r.relkind = 'S' THEN 's' ELSE 'r'"
                      + " END::\"char\", r.relowner))",
                  "r.relowner"));

  private static final String COLUMNS =
      """
      SELECT r.path || ' column ' || quote_ident(a.attname), 'column', jsonb_build_object(
          'type', format_type(a.atttypid, a.atttypmod),
          'nullable', CASE WHEN r.relkind IN ('r', 'p', 'f') THEN
            CASE WHEN a.attnotnull THEN 'no' ELSE 'yes' END END,
          'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
          'generated', CASE a.attgenerated WHEN 's' THEN pg_get_expr(d.adbin, d.adrelid) || ' STORED'
            WHEN 'v' THEN pg_get_expr(d.adbin, d.adrelid) || ' VIRTUAL' END,
          'identity', CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END,
          'collation', CASE WHEN a.attcollation <> t.typcollation THEN
            (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
             FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
             WHERE co.oid = a.attcollation) END,
          'position', (row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum))::text,
          'comment', col_description(a.attrelid, a.attnum))
        || %s
      FROM relp r JOIN pg_attribute a ON a.attrelid = r.oid JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped AND r.relkind <> 'S'
      """
          .formatted(grants("a.attacl", "r.relowner"));

  // NOT NULL constraints (PostgreSQL 18 lists them here) are the columns' "not null".
  private static final String CONSTRAINTS =
      """
      SELECT r.path || ' constraint ' || quote_ident(con.conname), 'constraint', jsonb_build_object(
          'definition', pg_get_constraintdef(con.oid),
          'comment', obj_description(con.oid, 'pg_constraint'))
      FROM pg_constraint con JOIN relp r ON r.oid = con.conrelid
      WHERE con.contype <> 'n'
      UNION ALL
      SELECT 'type ' || ns.q || '.' || quote_ident(t.typname) || ' constraint '
          || quote_ident(con.conname), 'constraint', jsonb_build_object(
          'definition', pg_get_constraintdef(con.oid),
          'comment', obj_description(con.oid, 'pg_constraint'))
      FROM pg_constraint con JOIN pg_type t ON t.oid = con.contypid
        JOIN ns ON ns.oid = t.typnamespace
      WHERE con.contype <> 'n'
      """;

  // Indexes that implement a primary key, unique or exclusion constraint are that constraint.
  private static final String INDEXES =
      """
      SELECT r.path || ' index ' || quote_ident(ic.relname), 'index', jsonb_build_object(
          'definition', pg_get_indexdef(i.indexrelid),
          'valid', CASE WHEN i.indisvalid THEN 'yes' ELSE 'no' END,
          'clustered', CASE WHEN i.indisclustered THEN 'yes' ELSE 'no' END,
          'comment', obj_description(i.indexrelid, 'pg_class'))
      FROM pg_index i JOIN relp r ON r.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con
                        WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                          AND con.contype IN ('p', 'u', 'x'))
      """;

  private static final String TRIGGERS =
      """
      SELECT r.path || ' trigger ' || quote_ident(tg.tgname), 'trigger', jsonb_build_object(
          'definition', pg_get_triggerdef(tg.oid),
          'enabled', CASE tg.tgenabled WHEN 'O' THEN 'yes' WHEN 'D' THEN 'no'
            WHEN 'R' THEN 'replica only' WHEN 'A' THEN 'always' END,
          'comment', obj_description(tg.oid, 'pg_trigger'))
      FROM pg_trigger tg JOIN relp r ON r.oid = tg.tgrelid
      WHERE NOT tg.tgisinternal
      """;

  private static final String POLICIES =
      """
      SELECT r.path || ' policy ' || quote_ident(po.polname), 'policy', jsonb_build_object(
          'command', CASE po.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT'
            WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
          'permissive', CASE WHEN po.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
          'roles', (SELECT string_agg(CASE WHEN ro = 0 THEN 'PUBLIC'
                      ELSE quote_ident(pg_get_userbyid(ro)) END, ', ' ORDER BY 1)
                    FROM unnest(po.polroles) ro),
          'using', pg_get_expr(po.polqual, po.polrelid),
          'with check', pg_get_expr(po.polwithcheck, po.polrelid),
          'comment', obj_description(po.oid, 'pg_policy'))
      FROM pg_policy po JOIN relp r ON r.oid = po.polrelid
      """;

  private static final String RULES =
      """
      SELECT r.path || ' rule ' || quote_ident(ru.rulename), 'rule', jsonb_build_object(
          'definition', pg_get_ruledef(ru.oid),
          'comment', obj_description(ru.oid, 'pg_rewrite'))
      FROM pg_rewrite ru JOIN relp r ON r.oid = ru.ev_class
      WHERE ru.rulename <> '_RETURN'
      """;

  private static final String STATISTICS =
      """
      SELECT 'statistics ' || ns.q || '.' || quote_ident(st.stxname), 'statistics',
        jsonb_build_object(
          'definition', pg_get_statisticsobjdef(st.oid),
          'owner', quote_ident(pg_get_userbyid(st.stxowner)))
      FROM pg_statistic_ext st JOIN ns ON ns.oid = st.stxnamespace
      """;

  private static final String FUNCTIONS =
      """
      SELECT k.kind || ' ' || p.oid::regprocedure::text, k.kind, jsonb_build_object(
          'owner', quote_ident(pg_get_userbyid(p.proowner)),
          'comment', obj_description(p.oid, 'pg_proc'),
          'arguments', pg_get_function_arguments(p.oid),
          'returns', CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END,
          'language', quote_ident(l.lanname),
          'volatility', CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE'
            ELSE 'VOLATILE' END,
          'strict', CASE WHEN p.proisstrict THEN 'yes' ELSE 'no' END,
          'security', CASE WHEN p.prosecdef THEN 'DEFINER' ELSE 'INVOKER' END,
          'leakproof', CASE WHEN p.proleakproof THEN 'yes' ELSE 'no' END,
          'window', CASE WHEN p.prokind = 'w' THEN 'yes' END,
          'parallel', CASE p.proparallel WHEN 's' THEN 'SAFE' WHEN 'r' THEN 'RESTRICTED'
            ELSE 'UNSAFE' END,
          'cost', p.procost::text,
          'rows', CASE WHEN p.prorows <> 0 THEN p.prorows::text END,
          'settings', array_to_string(p.proconfig, ', '),
          'body', CASE WHEN p.prokind = 'a' THEN NULL
            WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) ELSE p.prosrc END,
          'library', p.probin,
          'state function', ag.aggtransfn::text,
          'state type', format_type(ag.aggtranstype, NULL),
          'final function', CASE WHEN ag.aggfinalfn <> 0 THEN ag.aggfinalfn::text END,
          'initial value', ag.agginitval)
        || %s
      FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
        LEFT JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
        CROSS JOIN LATERAL (SELECT CASE p.prokind WHEN 'p' THEN 'procedure'
          WHEN 'a' THEN 'aggregate' ELSE 'function' END AS kind) k
      WHERE NOT EXISTS (SELECT 1 FROM ext
                        WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid)
      """
          .formatted(grants("coalesce(p.proacl, acldefault('f', p.proowner))", "p.proowner"));

  // Composite types made by CREATE TYPE (relkind c) are here; tables' row types and the array
  // types PostgreSQL makes for every type are not.
  private static final String TYPES =
      """
      SELECT 'type ' || ns.q || '.' || quote_ident(t.typname), 'type', jsonb_build_object(
          'kind', CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain'
            WHEN 'c' THEN 'composite' WHEN 'r' THEN 'range' ELSE 'base' END,
          'owner', quote_ident(pg_get_userbyid(t.typowner)),
          'comment', obj_description(t.oid, 'pg_type'),
          'labels', CASE WHEN t.typtype = 'e' THEN
            (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
             FROM pg_enum e WHERE e.enumtypid = t.oid) END,
          'base type', CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
          'nullable', CASE WHEN t.typtype = 'd' THEN
            CASE WHEN t.typnotnull THEN 'no' ELSE 'yes' END END,
          'default', t.typdefault,
          'subtype', (SELECT format_type(rg.rngsubtype, NULL) FROM pg_range rg
                      WHERE rg.rngtypid = t.oid))
        || %s
      FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
      WHERE t.typtype IN ('b', 'c', 'd', 'e', 'r')
        AND (t.typtype <> 'c'
             OR EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
        AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)
        AND NOT EXISTS (SELECT 1 FROM ext
                        WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
      """
          .formatted(grants("coalesce(t.typacl, acldefault('T', t.typowner))", "t.typowner"));

  private static final String EXTENSIONS =
      """
      SELECT 'extension ' || quote_ident(e.extname), 'extension', jsonb_build_object(
          'version', e.extversion, 'schema', quote_ident(en.nspname))
      FROM pg_extension e JOIN pg_namespace en ON en.oid = e.extnamespace
      """;

  private static final String DEFAULT_PRIVILEGES =
      """
      SELECT 'default privileges of ' || quote_ident(pg_get_userbyid(da.defaclrole))
          || coalesce(' in schema ' || (SELECT ns.q FROM ns WHERE ns.oid = da.defaclnamespace), '')
          || ' on ' || CASE da.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
            WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas'
            ELSE 'large objects' END,
        'default privileges', %s
      FROM pg_default_acl da
      WHERE da.defaclnamespace = 0 OR EXISTS (SELECT 1 FROM ns WHERE ns.oid = da.defaclnamespace)
      """
          .formatted(grants("da.defaclacl", "da.defaclrole"));

  static {
    SQL =
        WITH
            + String.join(
                "UNION ALL\n",
                List.of(
                    SCHEMAS,
                    RELATIONS,
                    COLUMNS,
                    CONSTRAINTS,
                    INDEXES,
                    TRIGGERS,
                    POLICIES,
                    RULES,
                    STATISTICS,
                    FUNCTIONS,
                    TYPES,
                    EXTENSIONS,
                    DEFAULT_PRIVILEGES));
  }

  /**
   * A jsonb object {@code {"grant to ROLE": "PRIV, PRIV (grantable)"}} from an ACL expression. The
   * owner's own entry is {@code grant to the owner}, so a change of owner is one difference rather
   * than the owner's privileges moving from one role to another; the grantor is left out (it is the
   * owner whoever typed the GRANT as a superuser).
   */
  private static String grants(String acl, String owner) {
    return """
        (SELECT coalesce(jsonb_object_agg('grant to ' || g.grantee, g.privileges), '{}'::jsonb)
         FROM (SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' WHEN x.grantee = %2$s THEN 'the owner'
                 ELSE quote_ident(pg_get_userbyid(x.grantee)) END AS grantee,
                 string_agg(x.privilege_type
                   || CASE WHEN x.is_grantable THEN ' (grantable)' ELSE '' END,
                   ', ' ORDER BY x.privilege_type) AS privileges
               FROM aclexplode(%1$s) x GROUP BY 1) g)"""
        .formatted(acl, owner);
  }
}
