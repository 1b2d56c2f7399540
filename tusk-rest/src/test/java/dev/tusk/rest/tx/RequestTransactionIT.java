package dev.tusk.rest.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.config.Secret;
import dev.tusk.core.config.TxEnd;
import dev.tusk.engine.sql.Connector;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.ResponseKind;
import dev.tusk.rest.query.ResponseShape;
import dev.tusk.rest.query.SqlStatement;
import dev.tusk.rest.request.MediaType;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transaction stage against a real server, with hand-written main statements: the role switch,
 * the settings RLS policies read, read-only reads, tx_end, pre-request, error mapping.
 */
@ExtendWith(TuskPostgres.class)
class RequestTransactionIT {

  static ConnectionPool pool;
  static Connector authenticator;

  @BeforeAll
  static void setUp(TestDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          """
          DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rt_authenticator') THEN
              CREATE ROLE rt_authenticator LOGIN NOINHERIT PASSWORD 'rt-secret';
              CREATE ROLE rt_anon NOLOGIN;
              CREATE ROLE rt_user NOLOGIN;
              GRANT rt_anon, rt_user TO rt_authenticator;
            END IF;
          END $$;
          CREATE SCHEMA api;
          GRANT USAGE ON SCHEMA api TO rt_anon, rt_user;
          CREATE TABLE api.notes (id int PRIMARY KEY, owner text NOT NULL, body text);
          ALTER TABLE api.notes ENABLE ROW LEVEL SECURITY;
          CREATE POLICY mine ON api.notes USING (owner = current_setting('request.jwt.claim.sub', true))
            WITH CHECK (owner = current_setting('request.jwt.claim.sub', true));
          GRANT SELECT, INSERT ON api.notes TO rt_user;
          INSERT INTO api.notes VALUES (1, 'alice', 'a'), (2, 'bob', 'b');
          CREATE TABLE api.tags (name text PRIMARY KEY);
          GRANT SELECT, INSERT ON api.tags TO rt_user;
          INSERT INTO api.tags VALUES ('java');
          CREATE FUNCTION api.guard() RETURNS void LANGUAGE plpgsql AS $f$
          BEGIN
            IF current_setting('request.headers', true)::json->>'x-block' = 'yes' THEN
              RAISE SQLSTATE 'PT403' USING MESSAGE = 'blocked by pre-request';
            END IF;
          END $f$;
          GRANT EXECUTE ON FUNCTION api.guard() TO rt_anon, rt_user;
          """);
    }
    authenticator =
        db.server().superuser().as("rt_authenticator", new Secret("rt-secret", "literal"));
    pool =
        new ConnectionPool(
            () -> {
              Connection c = authenticator.open(db.name(), Map.of("stringtype", "unspecified"));
              c.setAutoCommit(false);
              return c;
            },
            2,
            Duration.ofSeconds(2));
  }

  @AfterAll
  static void tearDown() {
    pool.close();
  }

  static RequestContext ctx(String role, String claims, Map<String, String> headers) {
    return new RequestContext(
        role,
        true,
        claims,
        "GET",
        "/notes",
        RequestContext.json(headers),
        "{}",
        "api",
        Optional.empty());
  }

  static QueryPlan plan(String mainSql, boolean readOnly, String... params) {
    ResponseShape shape =
        new ResponseShape(
            ResponseKind.READ,
            new MediaType.Json(),
            false,
            0,
            true,
            false,
            false,
            OptionalLong.empty(),
            List.of(),
            false,
            "api",
            false);
    return new QueryPlan(
        new SqlStatement(mainSql, List.of(params)), readOnly, Optional.empty(), shape);
  }

  static final String READ_NOTES =
      "WITH t AS (SELECT * FROM api.notes ORDER BY id)"
          + " SELECT NULL::bigint, count(*), coalesce(json_agg(t), '[]')::text, NULL,"
          + " current_setting('response.headers', true), current_setting('response.status', true),"
          + " 7::bigint FROM t";

  @Test
  void rlsSeesTheSubClaimThroughPerClaimSettings() throws Exception {
    RequestTransaction tx = new RequestTransaction(pool, Optional.empty(), TxEnd.COMMIT);
    TxResult r =
        tx.run(
            ctx("rt_user", "{\"role\":\"rt_user\",\"sub\":\"bob\"}", Map.of()),
            plan(READ_NOTES, true));
    assertThat(r.pageTotal()).isEqualTo(1);
    assertThat(r.body()).contains("[{\"id\":2,\"owner\":\"bob\",\"body\":\"b\"}]");
    assertThat(r.total()).isEmpty();
    // the seventh column, how many rows an upsert inserted, comes through as given
    assertThat(r.inserted()).hasValue(7);
  }

  @Test
  void nonStringClaimsAreJsonAndTheWholeClaimsObjectIsSet() throws Exception {
    RequestTransaction tx = new RequestTransaction(pool, Optional.empty(), TxEnd.COMMIT);
    String sql =
        "SELECT NULL::bigint, 1, json_build_object('n', current_setting('request.jwt.claim.n', true),"
            + " 'arr', current_setting('request.jwt.claim.arr', true),"
            + " 'all', current_setting('request.jwt.claims', true)::json->>'sub',"
            + " 'role', current_user, 'path', current_setting('search_path'),"
            + " 'method', current_setting('request.method'))::text, NULL, NULL, NULL, NULL::bigint";
    TxResult r =
        tx.run(
            ctx(
                "rt_user",
                "{\"role\":\"rt_user\",\"sub\":\"x\",\"n\":5,\"arr\":[1,\"a\"]}",
                Map.of()),
            plan(sql, true));
    assertThat(r.body().orElseThrow())
        .isEqualTo(
            "{\"n\" : \"5\", \"arr\" : \"[1,\\\"a\\\"]\", \"all\" : \"x\", \"role\" : \"rt_user\","
                + " \"path\" : \"\\\"api\\\", public\", \"method\" : \"GET\"}");
  }

  @Test
  void aWriteInAReadOnlyTransactionIs405() {
    RequestTransaction tx = new RequestTransaction(pool, Optional.empty(), TxEnd.COMMIT);
    String insert =
        "WITH t AS (INSERT INTO api.notes VALUES (10, 'alice', 'x') RETURNING 1)"
            + " SELECT NULL::bigint, count(*), NULL, NULL, NULL, NULL, NULL::bigint FROM t";
    assertThatThrownBy(
            () -> tx.run(ctx("rt_user", "{\"sub\":\"alice\"}", Map.of()), plan(insert, true)))
        .isInstanceOfSatisfying(
            DbError.class,
            e -> {
              assertThat(e.code()).isEqualTo("25006");
              assertThat(e.status()).isEqualTo(405);
            });
  }

  @Test
  void rollbackOverrideKeepsNothingAndCommitKeeps() throws Exception {
    RequestTransaction tx =
        new RequestTransaction(pool, Optional.empty(), TxEnd.COMMIT_ALLOW_OVERRIDE);
    String insert =
        "WITH t AS (INSERT INTO api.notes VALUES (?::int, 'alice', 'tx') RETURNING 1)"
            + " SELECT NULL::bigint, count(*), NULL, NULL, NULL, NULL, NULL::bigint FROM t";
    RequestContext rollback =
        new RequestContext(
            "rt_user",
            true,
            "{\"sub\":\"alice\"}",
            "POST",
            "/notes",
            "{}",
            "{}",
            "api",
            Optional.of(false));
    assertThat(tx.run(rollback, plan(insert, false, "20")).committed()).isFalse();
    RequestContext commit =
        new RequestContext(
            "rt_user",
            true,
            "{\"sub\":\"alice\"}",
            "POST",
            "/notes",
            "{}",
            "{}",
            "api",
            Optional.empty());
    assertThat(tx.run(commit, plan(insert, false, "21")).committed()).isTrue();
    TxResult read = tx.run(ctx("rt_user", "{\"sub\":\"alice\"}", Map.of()), plan(READ_NOTES, true));
    assertThat(read.body().orElseThrow()).contains("\"id\":21").doesNotContain("\"id\":20");
  }

  @Test
  void errorsCarryPostgresDetailsAndPostgrestStatuses() {
    RequestTransaction tx = new RequestTransaction(pool, Optional.empty(), TxEnd.COMMIT);
    // (on a table with RLS PostgreSQL leaves the key out of the detail; this one has none)
    String dup =
        "WITH t AS (INSERT INTO api.tags VALUES ('java') RETURNING 1)"
            + " SELECT NULL::bigint, count(*), NULL, NULL, NULL, NULL, NULL::bigint FROM t";
    assertThatThrownBy(
            () -> tx.run(ctx("rt_user", "{\"sub\":\"alice\"}", Map.of()), plan(dup, false)))
        .isInstanceOfSatisfying(
            DbError.class,
            e -> {
              assertThat(e.code()).isEqualTo("23505");
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.getMessage()).contains("duplicate key value violates unique constraint");
              assertThat(e.details()).get().asString().contains("Key (name)=(java) already exists");
            });
    // the anonymous role has no SELECT: 401 when unauthenticated
    RequestContext anon =
        new RequestContext(
            "rt_anon",
            false,
            "{\"role\":\"rt_anon\"}",
            "GET",
            "/notes",
            "{}",
            "{}",
            "api",
            Optional.empty());
    assertThatThrownBy(() -> tx.run(anon, plan(READ_NOTES, true)))
        .isInstanceOfSatisfying(DbError.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void aTokenRoleTheAuthenticatorCannotBecomeIsRefused() {
    RequestTransaction tx = new RequestTransaction(pool, Optional.empty(), TxEnd.COMMIT);
    assertThatThrownBy(
            () ->
                tx.run(
                    ctx("postgres", "{\"role\":\"postgres\"}", Map.of()), plan(READ_NOTES, true)))
        .isInstanceOfSatisfying(
            DbError.class,
            e -> {
              assertThat(e.code()).isEqualTo("42501");
              assertThat(e.status()).isEqualTo(403);
            });
    assertThatThrownBy(() -> tx.run(ctx("no_such_role", "{}", Map.of()), plan(READ_NOTES, true)))
        .isInstanceOfSatisfying(DbError.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void preRequestRunsFirstAndCanRefuseWithItsOwnStatus() throws Exception {
    RequestTransaction tx =
        new RequestTransaction(pool, Optional.of("\"api\".\"guard\""), TxEnd.COMMIT);
    assertThat(
            tx.run(ctx("rt_user", "{\"sub\":\"alice\"}", Map.of()), plan(READ_NOTES, true))
                .pageTotal())
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                tx.run(
                    ctx("rt_user", "{\"sub\":\"alice\"}", Map.of("x-block", "yes")),
                    plan(READ_NOTES, true)))
        .isInstanceOfSatisfying(
            DbError.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).isEqualTo("PT403");
              assertThat(e.getMessage()).isEqualTo("blocked by pre-request");
            });
  }

  @Test
  void hostileValuesStayValues() throws Exception {
    RequestTransaction tx = new RequestTransaction(pool, Optional.empty(), TxEnd.COMMIT);
    String sql =
        "WITH t AS (SELECT * FROM api.notes WHERE owner = ?)"
            + " SELECT NULL::bigint, count(*), coalesce(json_agg(t), '[]')::text, NULL, NULL, NULL, NULL::bigint FROM t";
    TxResult r =
        tx.run(
            ctx(
                "rt_user",
                "{\"sub\":\"alice' OR '1'='1\"}",
                Map.of("x", "'; DROP TABLE api.notes; --")),
            plan(sql, true, "alice' OR '1'='1"));
    assertThat(r.pageTotal()).isZero();
    assertThat(
            tx.run(ctx("rt_user", "{\"sub\":\"alice\"}", Map.of()), plan(READ_NOTES, true))
                .pageTotal())
        .isEqualTo(1);
  }

  @Test
  void anExhaustedPoolSaysHowBusyItIs() throws Exception {
    Connection a = pool.acquire();
    Connection b = pool.acquire();
    try {
      RequestTransaction tx = new RequestTransaction(pool, Optional.empty(), TxEnd.COMMIT);
      assertThatThrownBy(() -> tx.run(ctx("rt_user", "{}", Map.of()), plan(READ_NOTES, true)))
          .isInstanceOfSatisfying(
              DbError.class,
              e -> {
                assertThat(e.code()).isEqualTo("PGRST003");
                assertThat(e.status()).isEqualTo(504);
                assertThat(e.details()).get().asString().contains("pool size 2, in use 2");
              });
    } finally {
      pool.release(a, false);
      pool.release(b, false);
    }
  }
}
