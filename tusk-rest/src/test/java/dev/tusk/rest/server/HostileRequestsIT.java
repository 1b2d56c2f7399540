package dev.tusk.rest.server;

import static dev.tusk.rest.server.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.rest.auth.JwtSigner;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile requests against the REST server over real sockets: whether the HTTP layer refuses them
 * (oversized, malformed) or the API does (bad JSON, bad UTF-8, injection, forged tokens), each is a
 * 4xx in PostgREST's four-field shape with a PGRST code, never a 500, and none changes the
 * database.
 */
@ExtendWith(TuskPostgres.class)
class HostileRequestsIT {

  static final String ALICE = "00000000-0000-0000-0000-000000000001";
  static final String JSON_TYPE = "application/json";

  static RestServer server;
  static ApiClient api;
  static TestDatabase db;

  @BeforeAll
  static void start(TestDatabase database) throws Exception {
    db = database;
    server = FixtureServer.start(db);
    api = new ApiClient(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static RawHttp.Answer raw(String request) throws Exception {
    return api.raw(request);
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    return api.get(path, headers);
  }

  static HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
    return api.send("POST", path, body, headers);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static long count(String sql) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // --- refused by the HTTP layer, answered in the API's shape ---

  @Test
  void aBodyOverTheLimitByContentLengthIs413Pgrst102NamingTheLimit() throws Exception {
    RawHttp.Answer a =
        raw(
            "POST /labels HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + (FixtureServer.MAX_BODY_BYTES + 1)
                + "\r\n\r\n");
    JsonNode n = assertProblem(413, "PGRST102", a);
    assertThat(n.get("details").asText()).contains(Long.toString(FixtureServer.MAX_BODY_BYTES));
    assertThat(n.get("hint").asText()).contains("api.max_body_bytes");
    assertThat(a.header("Connection")).hasValue("close");
  }

  @Test
  void aChunkedBodyOverTheLimitIs413Pgrst102() throws Exception {
    int chunk = 64 * 1024;
    StringBuilder request =
        new StringBuilder(
            "POST /labels HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
    String data = "x".repeat(chunk);
    for (long sent = 0; sent <= FixtureServer.MAX_BODY_BYTES; sent += chunk) {
      request.append(Integer.toHexString(chunk)).append("\r\n").append(data).append("\r\n");
    }
    request.append("0\r\n\r\n");
    JsonNode n = assertProblem(413, "PGRST102", raw(request.toString()));
    assertThat(n.get("hint").asText()).contains("api.max_body_bytes");
  }

  @Test
  void brokenChunkedFramingIs400Pgrst102() throws Exception {
    assertProblem(
        400,
        "PGRST102",
        raw(
            "POST /labels HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));
    assertProblem(
        400,
        "PGRST102",
        raw(
            "POST /labels HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"));
  }

  @Test
  void aHugeHeaderIs431Pgrst100() throws Exception {
    RawHttp.Answer a =
        raw("GET /articles HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n");
    JsonNode n = assertProblem(431, "PGRST100", a);
    assertThat(n.get("details").asText()).contains(Integer.toString(RestServer.MAX_HEADER_BYTES));
    RawHttp.Answer many =
        raw("GET /articles HTTP/1.1\r\nHost: x\r\n" + "X-N: 1\r\n".repeat(150) + "\r\n");
    assertProblem(431, "PGRST100", many);
  }

  @Test
  void aHugeUriIs414Pgrst100() throws Exception {
    RawHttp.Answer a =
        raw(
            "GET /articles?select=id&title=eq."
                + "a".repeat(RestServer.MAX_REQUEST_LINE_BYTES)
                + " HTTP/1.1\r\nHost: x\r\n\r\n");
    JsonNode n = assertProblem(414, "PGRST100", a);
    assertThat(n.get("details").asText())
        .contains(Integer.toString(RestServer.MAX_REQUEST_LINE_BYTES));
  }

  @Test
  void malformedRequestLinesAndHeadersAre4xxPgrst100() throws Exception {
    for (String request :
        List.of(
            "GARBAGE\r\n\r\n",
            "GET  /articles HTTP/1.1\r\nHost: x\r\n\r\n",
            "G(T /articles HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET articles HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /articles HTTP/1.1\r\nHost x\r\n\r\n",
            "GET /articles HTTP/1.1\r\n Folded: y\r\nHost: x\r\n\r\n",
            "GET /articles HTTP/1.1\r\n\r\n",
            "GET /art\u00efcles HTTP/1.1\r\nHost: x\r\n\r\n")) {
      assertProblem(400, "PGRST100", raw(request));
    }
    assertProblem(505, "PGRST100", raw("GET /articles HTTP/2.0\r\nHost: x\r\n\r\n"));
  }

  // --- refused by the API ---

  @Test
  void invalidJsonAndBadUtf8InTheBodyArePgrst102() throws Exception {
    String editor = FixtureServer.token(Map.of("role", "api_editor"));
    long before = count("SELECT count(*) FROM content.labels");
    for (byte[] body :
        List.of(
            "{\"id\": 9,".getBytes(StandardCharsets.UTF_8),
            "{\"id\": 9} trailing".getBytes(StandardCharsets.UTF_8),
            new byte[] {
              '{',
              '"',
              'i',
              'd',
              '"',
              ':',
              '9',
              ',',
              '"',
              'n',
              'a',
              'm',
              'e',
              '"',
              ':',
              '"',
              (byte) 0xff,
              (byte) 0xfe,
              '"',
              '}'
            },
            new byte[] {
              '{',
              '"',
              'i',
              'd',
              '"',
              ':',
              '9',
              ',',
              '"',
              'n',
              'a',
              'm',
              'e',
              '"',
              ':',
              '"',
              (byte) 0xc3,
              '"',
              '}'
            })) {
      assertProblem(
          400,
          "PGRST102",
          post("/labels", body, "Content-Type", JSON_TYPE, "Authorization", "Bearer " + editor));
    }
    byte[] badCsv = {'i', 'd', ',', 'n', 'a', 'm', 'e', '\n', '9', ',', (byte) 0xff, '\n'};
    assertProblem(
        400,
        "PGRST102",
        post("/labels", badCsv, "Content-Type", "text/csv", "Authorization", "Bearer " + editor));
    assertThat(count("SELECT count(*) FROM content.labels")).isEqualTo(before);
  }

  @Test
  void badUtf8InTheQueryStringIsPgrst100() throws Exception {
    assertProblem(400, "PGRST100", get("/articles?select=id&title=eq.%FF%FE"));
    assertProblem(400, "PGRST100", get("/articles?select=id%C3&id=eq.1"));
    assertProblem(400, "PGRST100", get("/articles?select=id&%ED%A0%80=eq.1"));
    // Not percent-encoded at all: the HTTP layer refuses the byte before the API sees it.
    assertProblem(
        400, "PGRST100", raw("GET /articles?title=eq.\u00ff HTTP/1.1\r\nHost: x\r\n\r\n"));
  }

  @Test
  void injectionInIdentifiersIsRefusedOrQuoted() throws Exception {
    String editor = FixtureServer.token(Map.of("role", "api_editor"));
    long before = count("SELECT count(*) FROM content.labels");
    // Not a column name PostgREST's grammar admits: refused before any SQL.
    assertProblem(400, "PGRST100", get("/labels?select=id;drop%20table%20content.labels"));
    assertProblem(400, "PGRST100", get("/labels?select=id,name)%20from%20content.labels;--"));
    assertProblem(400, "PGRST100", get("/labels?order=id;delete%20from%20content.labels"));
    assertProblem(400, "PGRST100", get("/labels?select=id::int;drop%20table%20x"));
    // A quoted name with a doubled quote stays one identifier: PostgreSQL says no such column.
    HttpResponse<String> quoted = get("/labels?select=%22x%22%22y%22");
    JsonNode q = ApiClient.json(quoted);
    assertThat(quoted.statusCode()).as(quoted.body()).isBetween(400, 499);
    assertThat(q.get("code").asText()).as(quoted.body()).isIn("PGRST100", "42703");
    HttpResponse<String> filter =
        get("/labels?%22x%22%22y%22=eq.1;drop%20table%20x", "Authorization", "Bearer " + editor);
    assertThat(filter.statusCode()).as(filter.body()).isBetween(400, 499);
    // Values are parameters: a quote in a value is just a character.
    HttpResponse<String> value = get("/labels?name=eq.x%27);delete%20from%20content.labels;--");
    assertThat(value.statusCode()).isEqualTo(200);
    assertThat(value.body()).isEqualTo("[]");
    assertThat(count("SELECT count(*) FROM content.labels")).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'labels'")).isEqualTo(1);
  }

  // --- tokens ---

  @Test
  void anUnsignedTokenIs401Pgrst301() throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
    String claims = b64.encodeToString("{\"role\":\"api_editor\"}".getBytes());
    for (String token : List.of(header + "." + claims + ".", header + "." + claims)) {
      HttpResponse<String> r =
          post(
              "/labels",
              utf8("{\"id\": 90, \"name\": \"none\"}"),
              "Authorization",
              "Bearer " + token,
              "Content-Type",
              JSON_TYPE);
      assertProblem(401, "PGRST301", r);
      assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    }
    assertThat(count("SELECT count(*) FROM content.labels WHERE id = 90")).isZero();
  }

  @Test
  void aTokenSignedWithAnotherKeyIs401Pgrst301() throws Exception {
    JwtConfig other =
        new JwtConfig(
            Optional.of(new Secret("some-other-secret-0123456789abcdefghijkl", "literal")),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            ".role",
            Optional.empty(),
            Duration.ofSeconds(30));
    String forged = new JwtSigner(other).sign(Map.of("role", "api_editor"), "HS256");
    HttpResponse<String> r =
        post(
            "/labels",
            utf8("{\"id\": 91, \"name\": \"forged\"}"),
            "Authorization",
            "Bearer " + forged,
            "Content-Type",
            JSON_TYPE);
    assertProblem(401, "PGRST301", r);
    assertThat(count("SELECT count(*) FROM content.labels WHERE id = 91")).isZero();
  }

  @Test
  void aTokenNamingTheSuperuserNeverRunsAsIt() throws Exception {
    for (String role : Set.of("postgres", "authenticator")) {
      String token = FixtureServer.token(Map.of("role", role, "sub", ALICE));
      // identity.users belongs to the superuser; the anonymous role may not read it.
      HttpResponse<String> read =
          get(
              "/users?select=email",
              "Accept-Profile",
              "identity",
              "Authorization",
              "Bearer " + token);
      JsonNode n = assertProblem(401, "PGRST303", read);
      assertThat(n.get("message").asText()).contains("role");
      assertThat(read.body()).doesNotContain("alice@example.com");
      HttpResponse<String> write =
          post(
              "/labels",
              utf8("{\"id\": 92, \"name\": \"root\"}"),
              "Authorization",
              "Bearer " + token,
              "Content-Type",
              JSON_TYPE);
      assertProblem(401, "PGRST303", write);
      HttpResponse<String> rpc = get("/rpc/whoami", "Authorization", "Bearer " + token);
      assertProblem(401, "PGRST303", rpc);
    }
    assertThat(count("SELECT count(*) FROM content.labels WHERE id = 92")).isZero();
  }

  // --- permission denied: 401 with a challenge for the anonymous role, 403 with a token ---

  @Test
  void anonymousPermissionDeniedIs401WithABearerChallenge() throws Exception {
    HttpResponse<String> read = get("/users?select=email", "Accept-Profile", "identity");
    JsonNode n = assertProblem(401, "42501", read);
    assertThat(n.get("message").asText()).contains("permission denied");
    assertThat(read.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    HttpResponse<String> write =
        post("/labels", utf8("{\"id\": 93, \"name\": \"anon\"}"), "Content-Type", JSON_TYPE);
    assertProblem(401, "42501", write);
    assertThat(write.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    assertThat(count("SELECT count(*) FROM content.labels WHERE id = 93")).isZero();
  }

  @Test
  void authenticatedPermissionDeniedIs403WithoutAChallenge() throws Exception {
    String user = FixtureServer.token(Map.of("role", "api_user", "sub", ALICE));
    HttpResponse<String> write =
        post(
            "/labels",
            utf8("{\"id\": 94, \"name\": \"user\"}"),
            "Authorization",
            "Bearer " + user,
            "Content-Type",
            JSON_TYPE);
    JsonNode n = assertProblem(403, "42501", write);
    assertThat(n.get("message").asText()).isEqualTo("permission denied for table labels");
    assertThat(write.headers().firstValue("WWW-Authenticate")).isEmpty();
    HttpResponse<String> read =
        get(
            "/users?select=email",
            "Accept-Profile",
            "identity",
            "Authorization",
            "Bearer " + FixtureServer.token(Map.of("role", "api_anonymous")));
    assertProblem(403, "42501", read);
    assertThat(read.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(count("SELECT count(*) FROM content.labels WHERE id = 94")).isZero();
  }

  @Test
  void theServerStillAnswersAfterAllThat() throws Exception {
    HttpResponse<String> r = get("/labels?select=id&order=id");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(r))
        .isEqualTo(ApiClient.JSON.readTree("[{\"id\":1},{\"id\":2},{\"id\":3}]"));
  }
}
