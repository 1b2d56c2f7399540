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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API end to end over real HTTP: the conformance fixture, the server as {@code tusk serve
 * rest} assembles it, and requests from java.net.http. Cases mirror the shared conformance suite's
 * read, auth and meta cases.
 */
@ExtendWith(TuskPostgres.class)
class RestServerIT {

  static final String ALICE = "00000000-0000-0000-0000-000000000001";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static RestServer server;
  static TestDatabase db;

  @BeforeAll
  static void start(TestDatabase database) throws Exception {
    db = database;
    server = FixtureServer.start(db);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String token(Map<String, Object> claims) {
    return FixtureServer.token(claims);
  }

  static HttpResponse<String> send(
      String method, String path, Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, Map.of(), null);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void anonymousReadWithContentRange() throws Exception {
    HttpResponse<String> r = get("/articles?select=id,title&order=id");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r))
        .isEqualTo(
            JSON.readTree(
                "[{\"id\":1,\"title\":\"Postgres 18 released\"},{\"id\":3,\"title\":\"Java virtual"
                    + " threads\"},{\"id\":4,\"title\":\"Noticias en español\"}]"));
    assertThat(r.headers().firstValue("Content-Range")).hasValue("0-2/*");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(r.headers().firstValue("Server-Timing")).get().asString().startsWith("total;dur=");
  }

  @Test
  void aTokenSwitchesRoleAndRlsUsesItsSub() throws Exception {
    String alice = token(Map.of("role", "api_user", "sub", ALICE, "email", "alice@example.com"));
    HttpResponse<String> r =
        send(
            "GET",
            "/articles?select=id&word_count=gt.500&order=id",
            Map.of("Authorization", "Bearer " + alice),
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r)).isEqualTo(JSON.readTree("[{\"id\":2},{\"id\":3}]"));
  }

  @Test
  void badTokensAre401WithWwwAuthenticate() throws Exception {
    String forged = token(Map.of("role", "api_user", "sub", ALICE)) + "x";
    for (String t :
        List.of(
            forged,
            "garbage",
            token(Map.of("role", "postgres", "sub", ALICE)),
            token(Map.of("role", "api_user", "exp", 1000000000)))) {
      HttpResponse<String> r =
          send("GET", "/articles?select=id", Map.of("Authorization", "Bearer " + t), null);
      assertThat(r.statusCode()).as(t + " -> " + r.body()).isEqualTo(401);
      assertThat(json(r).path("code").asText()).startsWith("PGRST30");
      assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    }
  }

  @Test
  void countsRangesAndHead() throws Exception {
    HttpResponse<String> head =
        send("HEAD", "/articles?select=id", Map.of("Prefer", "count=exact"), null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Range")).hasValue("0-2/3");
    assertThat(head.body()).isEmpty();
    HttpResponse<String> past =
        send(
            "GET",
            "/articles?select=id&order=id&offset=100",
            Map.of("Prefer", "count=exact"),
            null);
    assertThat(past.statusCode()).isEqualTo(416);
    assertThat(json(past).path("code").asText()).isEqualTo("PGRST103");
  }

  @Test
  void plannedCountsUseThePlannersEstimate() throws Exception {
    HttpResponse<String> r =
        send("GET", "/articles?select=id&order=id", Map.of("Prefer", "count=planned"), null);
    assertThat(r.statusCode()).as(r.body()).isIn(200, 206);
    assertThat(r.headers().firstValue("Content-Range")).get().asString().matches("0-2/[0-9]+");
  }

  @Test
  void singularAndCsv() throws Exception {
    HttpResponse<String> one =
        send(
            "GET",
            "/articles?select=id,title&id=eq.3",
            Map.of("Accept", "application/vnd.pgrst.object+json"),
            null);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one)).isEqualTo(JSON.readTree("{\"id\":3,\"title\":\"Java virtual threads\"}"));
    HttpResponse<String> many =
        send(
            "GET",
            "/articles?select=id",
            Map.of("Accept", "application/vnd.pgrst.object+json"),
            null);
    assertThat(many.statusCode()).isEqualTo(406);
    assertThat(json(many).path("code").asText()).isEqualTo("PGRST116");
    HttpResponse<String> csv =
        send("GET", "/articles?select=id,title&order=id", Map.of("Accept", "text/csv"), null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(csv.body().lines().toList())
        .containsExactly(
            "id,title",
            "1,\"Postgres 18 released\"",
            "3,\"Java virtual threads\"",
            "4,\"Noticias en español\"");
  }

  @Test
  void errorsArePostgrestShaped() throws Exception {
    HttpResponse<String> missing = get("/no_such_table");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).path("code").asText()).isEqualTo("PGRST205");
    HttpResponse<String> badColumn = get("/articles?select=id&nope=eq.1");
    assertThat(badColumn.statusCode()).isEqualTo(400);
    HttpResponse<String> grammar = get("/articles?select=id,(((");
    assertThat(grammar.statusCode()).isEqualTo(400);
    assertThat(json(grammar).path("code").asText()).isEqualTo("PGRST100");
    assertThat(json(grammar).has("details")).isTrue();
    HttpResponse<String> unexposed =
        send("GET", "/assets", Map.of("Accept-Profile", "media"), null);
    assertThat(unexposed.statusCode()).isEqualTo(406);
    assertThat(json(unexposed).path("code").asText()).isEqualTo("PGRST106");
  }

  @Test
  void hostileInputIsA4xxNeverA500() throws Exception {
    for (String path :
        List.of(
            "/articles?select=id&title=eq.x';DROP TABLE content.articles;--",
            "/articles?select=id\"; DROP TABLE x;--",
            "/articles?id=in.(1,2",
            "/articles?order=id.sideways",
            "/articles?select=id&limit=-1",
            "/articles?select=" + "a(".repeat(5000))) {
      HttpResponse<String> r = get(path.replace(" ", "%20").replace("\"", "%22"));
      assertThat(r.statusCode()).as(path + " -> " + r.body()).isBetween(200, 499);
    }
    assertThat(get("/articles?select=id").statusCode()).isEqualTo(200);
    HttpResponse<String> big =
        send(
            "POST",
            "/articles",
            Map.of("Content-Type", "application/json"),
            "[" + "1,".repeat(600_000) + "1]");
    assertThat(big.statusCode()).isEqualTo(413);
  }

  @Test
  void optionsAndOpenApi() throws Exception {
    HttpResponse<String> options = send("OPTIONS", "/articles", Map.of(), null);
    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(options.headers().firstValue("Allow"))
        .get()
        .asString()
        .contains("GET")
        .contains("POST");
    HttpResponse<String> v2 = get("/");
    assertThat(v2.statusCode()).isEqualTo(200);
    assertThat(json(v2).path("swagger").asText()).isEqualTo("2.0");
    assertThat(json(v2).path("paths").has("/articles")).isTrue();
    HttpResponse<String> v3 = get("/?openapi=3");
    assertThat(json(v3).path("openapi").asText()).as(v3.body()).startsWith("3.1");
  }

  @Test
  void corsEchoesTheOriginAndAnswersPreflight() throws Exception {
    HttpResponse<String> pre =
        send(
            "OPTIONS",
            "/articles",
            Map.of("Origin", "https://app.example", "Access-Control-Request-Method", "POST"),
            null);
    assertThat(pre.statusCode()).isEqualTo(200);
    assertThat(pre.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    HttpResponse<String> r =
        send("GET", "/articles?select=id", Map.of("Origin", "https://app.example"), null);
    assertThat(r.headers().firstValue("Access-Control-Expose-Headers"))
        .get()
        .asString()
        .contains("Content-Range");
  }

  @Test
  void notifyPgrstReloadsTheSchemaCache() throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE content.late_arrival (id int PRIMARY KEY)");
      s.execute("GRANT SELECT ON content.late_arrival TO api_anonymous");
      s.execute("NOTIFY pgrst, 'reload schema'");
    }
    Instant deadline = Instant.now().plusSeconds(30);
    int status = 0;
    while (Instant.now().isBefore(deadline)) {
      status = get("/late_arrival").statusCode();
      if (status == 200) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(status).isEqualTo(200);
  }
}
