package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tusk serve rest} as a PostgREST replacement is started: a separate process configured only
 * by {@code PGRST_*} variables, against a server Tusk does not manage, with the password where
 * libpq users keep it ({@code PGPASSWORD}) rather than in the URI.
 */
@ExtendWith(TuskPostgres.class)
class ServeRestIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String SECRET = "serve-rest-it-secret-0123456789abcdef";

  static TestDatabase db;

  @TempDir Path dir;

  @BeforeAll
  static void schema(TestDatabase database) throws Exception {
    db = database;
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          """
          CREATE ROLE web_anon NOLOGIN;
          CREATE ROLE serve_auth LOGIN NOINHERIT PASSWORD 'pg-password-from-env';
          GRANT web_anon TO serve_auth;
          CREATE SCHEMA api;
          CREATE TABLE api.notes (id int PRIMARY KEY, body text NOT NULL);
          ALTER TABLE api.notes ENABLE ROW LEVEL SECURITY;
          CREATE POLICY anyone ON api.notes USING (true);
          INSERT INTO api.notes VALUES (1, 'hello');
          GRANT USAGE ON SCHEMA api TO web_anon;
          GRANT SELECT ON api.notes TO web_anon;
          """);
      s.execute("GRANT CONNECT ON DATABASE \"" + db.name() + "\" TO serve_auth");
    }
  }

  private Map<String, String> env(int port, String password) {
    Map<String, String> env = new HashMap<>();
    env.put(
        "PGRST_DB_URI",
        "postgres://serve_auth@127.0.0.1:"
            + db.server().superuser().endpoint().port()
            + "/"
            + db.name()
            + "?sslmode=require");
    env.put("PGRST_DB_SCHEMAS", "api");
    env.put("PGRST_DB_ANON_ROLE", "web_anon");
    env.put("PGRST_JWT_SECRET", SECRET);
    env.put("PGRST_SERVER_HOST", "127.0.0.1");
    env.put("PGRST_SERVER_PORT", Integer.toString(port));
    env.put("PGPASSWORD", password);
    return env;
  }

  @Test
  void servesFromPgrstVariablesWithThePasswordFromPgpassword() throws Exception {
    int port = TestServer.freePort();
    try (TuskProcess tusk =
        TuskProcess.start(dir, env(port, "pg-password-from-env"), "serve", "rest")) {
      tusk.awaitOut("REST API on http://127.0.0.1:" + port, Duration.ofSeconds(60));
      // The first schema load happens before the listening line, so no retry is needed.
      HttpResponse<String> notes = get(port, "/notes?select=id,body");
      assertThat(notes.statusCode()).as(notes.body()).isEqualTo(200);
      assertThat(notes.body()).isEqualTo("[{\"id\":1,\"body\":\"hello\"}]");
      tusk.signal("TERM");
      assertThat(tusk.waitExit(Duration.ofSeconds(30))).isEqualTo(0);
    }
  }

  @Test
  void aWrongPgpasswordIsReportedAndRequestsGet503NotAnAnswerFromNowhere() throws Exception {
    int port = TestServer.freePort();
    try (TuskProcess tusk =
        TuskProcess.start(dir, env(port, "not-the-password"), "serve", "rest")) {
      tusk.awaitErr("password authentication failed", Duration.ofSeconds(60));
      tusk.awaitOut("REST API on http://127.0.0.1:" + port, Duration.ofSeconds(60));
      HttpResponse<String> notes = get(port, "/notes");
      assertThat(notes.statusCode()).as(notes.body()).isEqualTo(503);
      assertThat(notes.body()).contains("PGRST002");
      assertThat(notes.headers().firstValue("Retry-After")).isPresent();
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
