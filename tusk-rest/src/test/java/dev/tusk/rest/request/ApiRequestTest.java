package dev.tusk.rest.request;

import static dev.tusk.rest.request.Requests.get;
import static dev.tusk.rest.request.Requests.send;
import static dev.tusk.rest.request.Trees.cmp;
import static dev.tusk.rest.request.Trees.col;
import static dev.tusk.rest.request.Trees.embed;
import static dev.tusk.rest.request.Trees.errorOf;
import static dev.tusk.rest.request.Trees.filter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {

  /** Request lines from the REST conformance suite: every one must parse. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /articles?select=id,title&order=id",
        "GET /articles?select=id&status=eq.published&order=id.desc",
        "GET /articles?select=id&word_count=is.null",
        "GET /articles?select=id&title=ilike.*postgres*&order=id",
        "GET /articles?select=id&id=in.(1,3,5)&order=id",
        "GET /articles?select=id&tags=cs.{postgres}&order=id",
        "GET /articles?select=id&or=(word_count.lt.500,status.eq.draft)&order=id",
        "GET /articles?select=id,lang:metadata->>lang&order=id",
        "GET /articles?select=id&metadata->>lang=eq.es",
        "GET /articles?select=id&status=not.eq.published&order=id",
        "GET /articles?select=id,word_count&order=word_count.desc.nullslast",
        "GET /articles?select=id&body=fts.Loom",
        "GET /articles?select=id&order=metadata->views.desc",
        "GET /articles?select=article_id:id&order=id&limit=1",
        "GET /articles?select=id,word_count::text&id=eq.1",
        "GET /articles?select=id&title=like(any).{*threads,*released}&order=id",
        "GET /articles?select=id&word_count=lte.450&status=neq.archived&order=id",
        "GET /articles?select=id&word_count=isdistinct.450&order=id",
        "GET /articles?select=id&nope=eq.1",
        "GET /no_such_table",
        "HEAD /articles?select=id",
        "GET /articles?select=id,title,categories(name)&id=eq.1",
        "GET /articles?select=id,comments(id,body)&id=eq.1&comments.order=id",
        "GET /articles?select=id,categories!inner(name)&categories.name=eq.Tech&order=id",
        "GET /articles?select=id,comments(id)&id=eq.1&comments.order=id.desc&comments.limit=1",
        "GET /articles?select=id,...categories(category:name)&id=eq.3",
        "GET /articles?select=id,cat:categories(name)&id=eq.4",
        "GET /categories?select=name,articles(title,comments(author))&id=eq.2&articles.order=id",
        "GET /articles?select=id&order=id&limit=2&offset=1",
        "GET /articles?select=id&order=id&offset=100",
        "GET /rpc/add?a=1&b=2",
        "POST /rpc/add",
        "GET /rpc/search_articles?q=draft&select=id&order=id",
        "GET /rpc/whoami",
        "POST /articles?select=title,status",
        "PATCH /articles?id=eq.2&select=id,title",
        "DELETE /comments?id=eq.4&select=id",
        "DELETE /comments?id=eq.4",
        "POST /labels",
        "GET /",
        "OPTIONS /articles"
      })
  void conformanceRequestLinesParse(String line) {
    String[] parts = line.split(" ", 2);
    assertThat(send(parts[0], parts[1])).isNotNull();
  }

  @Test
  void aReadCarriesEverythingThePlannerNeeds() {
    ApiRequest r =
        get(
            "/articles?select=id,comments(id)&id=eq.1&comments.order=id.desc&comments.limit=1",
            "Prefer",
            "count=exact",
            "Accept",
            "application/vnd.pgrst.object+json");
    assertThat(r.action()).isEqualTo(new Action.Read("articles", false));
    assertThat(r.schema()).isEqualTo("content");
    // Two schemas are exposed, so the default counts as negotiated, as in PostgREST.
    assertThat(r.schemaFromProfile()).isTrue();
    assertThat(r.query().select()).containsExactly(col("id"), embed("comments", col("id")));
    assertThat(r.query().root().filters()).containsExactly(filter("id", cmp(Operator.EQ, "1")));
    assertThat(r.query().node(EmbedPath.of("comments")).range())
        .isEqualTo(new RowRange(0, OptionalLong.of(1)));
    assertThat(r.preferences().count()).contains(Preferences.Count.EXACT);
    assertThat(r.negotiation())
        .isEqualTo(new Negotiation.Acceptable(new MediaType.SingleObject(false)));
    assertThat(r.payload()).isEmpty();
  }

  @Test
  void profilesChooseTheSchema() {
    ApiRequest read = get("/users?select=email", "Accept-Profile", "identity");
    assertThat(read.schema()).isEqualTo("identity");
    assertThat(read.schemaFromProfile()).isTrue();

    ApiRequest write = send("POST", "/users", "content-profile", "identity");
    assertThat(write.schema()).isEqualTo("identity");

    // A read ignores Content-Profile and a write ignores Accept-Profile.
    assertThat(get("/users", "Content-Profile", "media").schema()).isEqualTo("content");
    assertThat(send("PATCH", "/users", "Accept-Profile", "media").schema()).isEqualTo("content");
    assertThat(send("OPTIONS", "/users", "Accept-Profile", "identity").schema())
        .isEqualTo("identity");

    // With one schema exposed, only a profile header makes the response name it.
    RequestLimits single = RequestLimits.defaults(List.of("content"));
    assertThat(send("GET", "/users", single, null).schemaFromProfile()).isFalse();
    assertThat(send("GET", "/users", single, null, "Accept-Profile", "content").schemaFromProfile())
        .isTrue();
  }

  @Test
  void anUnexposedSchemaIs406() {
    ApiRequestError error = errorOf(() -> get("/assets", "Accept-Profile", "media"));
    assertThat(error.code()).isEqualTo("PGRST106");
    assertThat(error.status()).isEqualTo(406);
    assertThat(error.message()).isEqualTo("Invalid schema: media");
    assertThat(error.hint()).contains("Only the following schemas are exposed: content, identity");
    assertThat(errorOf(() -> send("DELETE", "/a", "Content-Profile", "")).code())
        .isEqualTo("PGRST106");
  }

  @Test
  void writesKeepTheRawBody() {
    byte[] body = {'{', '}', (byte) 0xff};
    ApiRequest r =
        ApiRequest.parse(
            "PUT",
            "/labels",
            "id=eq.9",
            Requests.headers("Content-Type", "application/json"),
            body,
            Requests.LIMITS);
    body[0] = 'x'; // the request keeps its own copy
    assertThat(r.payload().get().bytes()).containsExactly('{', '}', (byte) 0xff);
    assertThat(r.payload().get().size()).isEqualTo(3);
    assertThat(send("POST", "/rpc/f").payload().get().bytes()).isEmpty();
    assertThat(send("DELETE", "/labels").payload()).isEmpty();
  }

  @Test
  void headerNamesAreCaseInsensitiveAndNullsAreTolerated() {
    java.util.Map<String, List<String>> headers = new java.util.HashMap<>();
    headers.put("PREFER", java.util.Arrays.asList("return=minimal", null));
    headers.put(null, List.of("HTTP/1.1 200 OK"));
    headers.put("Accept", null);
    ApiRequest r = ApiRequest.parse("POST", "/a", null, headers, null, Requests.LIMITS);
    assertThat(r.preferences().returning()).contains(Preferences.Return.MINIMAL);
    assertThat(ApiRequest.parse("GET", "/a", null, null, null, Requests.LIMITS).query().root())
        .isEqualTo(NodeParams.empty());
  }

  @Test
  void txPreferenceNeedsTheOverrideConfig() {
    RequestLimits override =
        new RequestLimits(List.of("content"), true, 1000, RequestLimits.DEFAULT_MAX_DEPTH);
    ApiRequest allowed = send("POST", "/a", override, "{}", "Prefer", "tx=rollback");
    assertThat(allowed.preferences().transaction()).contains(Preferences.Transaction.ROLLBACK);
    assertThat(send("POST", "/a", "Prefer", "tx=rollback").preferences().transaction()).isEmpty();
  }

  @Test
  void requestLimitsAreValidatedWithConfigErrors() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new RequestLimits(List.of(), false, 10, 10))
        .isInstanceOf(dev.tusk.core.error.ConfigException.class)
        .hasMessageContaining("api.schemas lists no schema");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new RequestLimits(List.of("a"), false, 0, 10))
        .hasMessageContaining("maximum query-string length is 0");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new RequestLimits(List.of("a"), false, 10, 1001))
        .hasMessageContaining("maximum nesting depth is 1001, it must be 1 to 1000");
    assertThat(RequestLimits.defaults(List.of("x", "y")).defaultSchema()).isEqualTo("x");
  }

  @Test
  void theExceptionNamesTheErrorAndHasNoStackTrace() {
    ApiRequestException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ApiRequestException.class, () -> get("/a?id=0"));
    assertThat(e.getMessage()).startsWith("PGRST100: \"failed to parse filter (0)\"");
    assertThat(e.getStackTrace()).isEmpty();
    assertThat(e.error().details())
        .isEqualTo(Optional.of("unexpected \"0\" expecting \"not\" or operator (eq, gt, ...)"));
    assertThat(
            new String(
                new ErrorJson(new com.fasterxml.jackson.databind.ObjectMapper()).render(e.error()),
                StandardCharsets.UTF_8))
        .contains("\"code\":\"PGRST100\"");
  }
}
