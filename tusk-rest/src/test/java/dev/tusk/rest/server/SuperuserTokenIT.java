package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A token naming a superuser, when the wiring does not know the superuser's name ({@code tusk serve
 * rest} against a server Tusk does not manage refuses only {@code api.user}): the schema cache
 * knows the database's superusers, so such a token is still 401 PGRST303 before any SET ROLE, even
 * for a superuser the login role is a member of (where SET ROLE would succeed, and the call would
 * answer 200 as that superuser).
 */
@ExtendWith(TuskPostgres.class)
class SuperuserTokenIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  static TestDatabase db;
  static RestServer server;

  @BeforeAll
  static void start(TestDatabase database) throws Exception {
    db = database;
    FixtureServer.load(db);
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE ops_root SUPERUSER NOLOGIN");
      s.execute("GRANT ops_root TO authenticator");
    }
    server = FixtureServer.serve(db, false, Set.of("authenticator"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP OWNED BY ops_root");
      s.execute("DROP ROLE ops_root");
    }
  }

  private static HttpResponse<String> get(String path, String role) throws Exception {
    String token = FixtureServer.token(Map.of("role", role, "sub", "x"));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .header("Prefer", "tx=rollback")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void superusersFromTheCatalogAreRefusedLikeBadTokens() throws Exception {
    for (String role : new String[] {"ops_root", "postgres"}) {
      HttpResponse<String> r = get("/rpc/whoami", role);
      assertThat(r.statusCode()).as(role + " -> " + r.body()).isEqualTo(401);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("code").asText()).isEqualTo("PGRST303");
      assertThat(body.path("details").asText()).contains("\"" + role + "\"");
      assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
          .startsWith("Bearer error=\"invalid_token\"");
    }
  }

  @Test
  void anOrdinaryRoleStillWorks() throws Exception {
    HttpResponse<String> r = get("/articles?select=id&limit=1", "api_user");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }
}
