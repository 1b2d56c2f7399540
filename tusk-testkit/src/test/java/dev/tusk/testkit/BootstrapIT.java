package dev.tusk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.config.DatabaseConfig;
import dev.tusk.core.config.GrantConfig;
import dev.tusk.core.config.RoleConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.bootstrap.Reconciler;
import dev.tusk.engine.init.SecretStore;
import dev.tusk.engine.sql.Connector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bootstrap against a real server: the seed role model, a database with schemas, extensions, grants
 * and init scripts; a second run changes nothing; an authenticator can switch into the API roles
 * but cannot act as the superuser.
 */
@ExtendWith(TuskPostgres.class)
class BootstrapIT {

  @TempDir static Path dir;
  static TestServer server;
  static SecretStore secrets;
  static String dbName;

  @BeforeAll
  static void setUp(TestServer s, TestDatabase db) {
    server = s;
    dbName = db.name() + "_app";
    secrets = new SecretStore(dir.resolve("secrets"), new SecureRandom());
  }

  static TuskConfig config(List<Path> initSql, List<RoleConfig> extraRoles) {
    List<RoleConfig> roles = new ArrayList<>();
    roles.add(role("bs_owner", true, true, List.of()));
    roles.add(role("bs_anonymous", false, true, List.of()));
    roles.add(role("bs_user", false, true, List.of()));
    roles.add(role("bs_editor", false, true, List.of("bs_user")));
    roles.add(
        new RoleConfig(
            "bs_authenticator",
            true,
            false,
            Optional.of(new Secret("auth-secret-1", "literal")),
            List.of("bs_anonymous", "bs_user", "bs_editor"),
            20));
    roles.addAll(extraRoles);
    DatabaseConfig db =
        new DatabaseConfig(
            dbName,
            "bs_owner",
            List.of("content", "identity"),
            List.of("pgcrypto", "pg_stat_statements"),
            initSql,
            List.of(
                new GrantConfig(
                    "bs_user",
                    List.of("content"),
                    List.of("SELECT", "INSERT", "UPDATE", "DELETE"),
                    List.of("USAGE"),
                    List.of("EXECUTE")),
                new GrantConfig(
                    "bs_anonymous", List.of("content"), List.of("SELECT"), List.of(), List.of())));
    TuskConfig base = server.config();
    return new TuskConfig(
        base.source(),
        base.cluster(),
        base.postgres(),
        List.of(db),
        roles,
        base.admin(),
        base.api(),
        base.migrations());
  }

  static RoleConfig role(String name, boolean login, boolean inherit, List<String> memberOf) {
    return new RoleConfig(name, login, inherit, Optional.empty(), memberOf, -1);
  }

  Reconciler reconciler() {
    return new Reconciler(server.superuser(), secrets, TuskLog.silent(Clock.systemUTC()));
  }

  @Test
  void reconcilesTheSeedModelOnceAndThenChangesNothing() throws Exception {
    Path init =
        Files.writeString(
            dir.resolve("001-init.sql"),
            """
        CREATE TABLE content.articles (id bigserial PRIMARY KEY, title text NOT NULL,
          author text DEFAULT current_setting('request.jwt.claim.sub', true));
        ALTER TABLE content.articles ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own ON content.articles
          USING (author = current_setting('request.jwt.claim.sub', true));
        CREATE FUNCTION content.hello() RETURNS text LANGUAGE sql AS $$ SELECT 'hi; there' $$;
        INSERT INTO content.articles (title, author) VALUES ('first', 'alice'), ('second', 'bob');
        """);
    Reconciler.Result first = reconciler().reconcile(config(List.of(init), List.of()));
    assertThat(first.scriptsRun()).isEqualTo(1);

    Reconciler.Result second = reconciler().reconcile(config(List.of(init), List.of()));
    assertThat(second).isEqualTo(new Reconciler.Result(0, 0));
    assertThat(query(dbName, "SELECT count(*) FROM content.articles")).containsExactly("2");
    assertThat(query(dbName, "SELECT script FROM tusk.init_sql_history"))
        .containsExactly("001-init.sql");

    // objects created by init_sql belong to the owner, not the superuser
    assertThat(query(dbName, "SELECT tableowner FROM pg_tables WHERE tablename = 'articles'"))
        .containsExactly("bs_owner");
    assertThat(
            query(
                dbName,
                "SELECT nspname || ':' || pg_get_userbyid(nspowner) FROM pg_namespace"
                    + " WHERE nspname IN ('content', 'identity') ORDER BY 1"))
        .containsExactly("content:bs_owner", "identity:bs_owner");
    assertThat(
            query(dbName, "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1"))
        .containsExactly("pg_stat_statements", "pgcrypto");
    assertThat(
            query(
                "postgres",
                "SELECT rolname || ':' || rolcanlogin || ':' || rolinherit || ':' || rolconnlimit"
                    + " FROM pg_roles WHERE rolname LIKE 'bs\\_%' ORDER BY 1"))
        .containsExactly(
            "bs_anonymous:false:true:-1",
            "bs_authenticator:true:false:20",
            "bs_editor:false:true:-1",
            "bs_owner:true:true:-1",
            "bs_user:false:true:-1");
    assertThat(query("postgres", "SELECT rolsuper FROM pg_roles WHERE rolname LIKE 'bs\\_%'"))
        .containsOnly("f");
  }

  @Test
  void theAuthenticatorSwitchesIntoApiRolesAndRlsApplies() throws Exception {
    Path init =
        Files.writeString(
            dir.resolve("002-rls.sql"),
            """
        CREATE TABLE content.notes (id int PRIMARY KEY, owner text NOT NULL);
        ALTER TABLE content.notes ENABLE ROW LEVEL SECURITY;
        CREATE POLICY mine ON content.notes
          USING (owner = current_setting('request.jwt.claim.sub', true));
        INSERT INTO content.notes VALUES (1, 'alice'), (2, 'bob');
        """);
    reconciler().reconcile(config(List.of(init), List.of()));
    Connector auth =
        server.superuser().as("bs_authenticator", new Secret("auth-secret-1", "literal"));
    try (Connection c = auth.open(dbName);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute(
          "SELECT set_config('role', 'bs_user', true),"
              + " set_config('request.jwt.claim.sub', 'alice', true)");
      try (ResultSet rs = s.executeQuery("SELECT id FROM content.notes")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.next()).as("RLS hides bob's row").isFalse();
      }
      c.rollback();
      assertThatThrownBy(() -> s.execute("SET ROLE postgres"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied to set role");
      c.rollback();
      // NOINHERIT: without switching, the authenticator itself cannot read the table
      assertThatThrownBy(() -> s.executeQuery("SELECT 1 FROM content.notes"))
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void aGeneratedPasswordIsStoredOnceAndWorks() throws Exception {
    reconciler().reconcile(config(List.of(), List.of()));
    Path file = secrets.fileFor("bs_owner");
    assertThat(file).exists();
    assertThat(Files.getPosixFilePermissions(file).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    Secret pw = secrets.passwordFor("bs_owner", Optional.empty());
    try (Connection c = server.superuser().as("bs_owner", pw).open(dbName)) {
      assertThat(c.isValid(2)).isTrue();
    }
    reconciler().reconcile(config(List.of(), List.of()));
    assertThat(secrets.passwordFor("bs_owner", Optional.empty())).isEqualTo(pw);
  }

  @Test
  void droppedMembershipsAreRevoked() throws Exception {
    reconciler()
        .reconcile(config(List.of(), List.of(role("bs_temp", false, true, List.of("bs_user")))));
    assertThat(memberships("bs_temp")).containsExactly("bs_user");
    reconciler().reconcile(config(List.of(), List.of(role("bs_temp", false, true, List.of()))));
    assertThat(memberships("bs_temp")).isEmpty();
  }

  @Test
  void aFailingInitScriptAppliesNothingAndNamesFileAndLine() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("003-bad.sql"),
            """
        CREATE TABLE content.half (id int);
        INSERT INTO content.half VALUES (1);
        SELECT * FROM no_such_table;
        """);
    assertThatThrownBy(() -> reconciler().reconcile(config(List.of(bad), List.of())))
        .isInstanceOf(OperationException.class)
        .hasMessageContaining("003-bad.sql")
        .hasMessageContaining("at line 3")
        .hasMessageContaining("no_such_table");
    assertThat(query(dbName, "SELECT count(*) FROM pg_tables WHERE tablename = 'half'"))
        .containsExactly("0");
    assertThat(
            query(
                dbName, "SELECT count(*) FROM tusk.init_sql_history WHERE script = '003-bad.sql'"))
        .containsExactly("0");
  }

  @Test
  void badScriptFilesAreClearErrors() throws IOException {
    Path latin1 = dir.resolve("004-latin1.sql");
    Files.write(latin1, new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\''});
    assertThatThrownBy(() -> reconciler().reconcile(config(List.of(latin1), List.of())))
        .isInstanceOf(OperationException.class)
        .hasMessageContaining("is not valid UTF-8");
    Path missing = dir.resolve("005-missing.sql");
    assertThatThrownBy(() -> reconciler().reconcile(config(List.of(missing), List.of())))
        .isInstanceOf(OperationException.class)
        .hasMessageContaining("cannot read init_sql")
        .hasMessageContaining("005-missing.sql");
  }

  @Test
  void anUnavailableExtensionIsNamed() {
    TuskConfig c = config(List.of(), List.of());
    DatabaseConfig db = c.databases().getFirst();
    DatabaseConfig withBad =
        new DatabaseConfig(
            db.name(), db.owner(), db.schemas(), List.of("no_such_ext"), List.of(), List.of());
    TuskConfig bad =
        new TuskConfig(
            c.source(),
            c.cluster(),
            c.postgres(),
            List.of(withBad),
            c.roles(),
            c.admin(),
            c.api(),
            c.migrations());
    assertThatThrownBy(() -> reconciler().reconcile(bad))
        .isInstanceOf(OperationException.class)
        .hasMessageContaining("extension 'no_such_ext'")
        .hasMessageContaining("is not available");
  }

  @Test
  void hostileNamesAreQuotedNotExecuted() throws Exception {
    String evil = "x\"; DROP ROLE bs_owner; --";
    reconciler().reconcile(config(List.of(), List.of(role(evil, false, true, List.of()))));
    assertThat(
            query(
                "postgres",
                "SELECT rolname FROM pg_roles WHERE rolname IN ('bs_owner', "
                    + "'x\"; DROP ROLE bs_owner; --') ORDER BY 1"))
        .containsExactly("bs_owner", evil);
  }

  private static List<String> memberships(String role) throws SQLException {
    return query(
        "postgres",
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
            + " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = '"
            + role
            + "'");
  }

  private static List<String> query(String db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = server.superuser().open(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
