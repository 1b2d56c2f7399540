package dev.tusk.rest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.request.ApiRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL-shaped input everywhere a request can carry text: filter values of every operator, logic
 * trees, JSON keys, aliases and names, RPC arguments and bodies. Values must only ever be
 * parameters (the SQL text never contains them); names only ever quoted identifiers (outside of
 * quoted identifiers and the planner's own literals, no statement separator, comment or keyword
 * from the input survives).
 */
class HostileValuesTest {

  static List<String> hostile() {
    return List.of(
        "'; DROP TABLE articles; --",
        "1) OR (1=1",
        "x' OR 'x'='x",
        "$$; DELETE FROM articles; $$",
        "*/ DELETE FROM articles /*",
        "\\'; DELETE FROM articles; --",
        "{fn now()} ? ?? $1",
        "\u02bc; DROP TABLE x; --",
        "a\u0000b",
        "\"; DROP TABLE articles; --");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The SQL with quoted identifiers and string literals removed. */
  static String outsideQuotes(String sql) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < sql.length()) {
          if (sql.charAt(j) == c) {
            if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        i = j;
        out.append(' ');
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  private int planned;

  private void assertSafe(String value, Supplier<QueryPlan> plan) {
    String sql;
    List<String> params;
    try {
      QueryPlan p = plan.get();
      sql = p.main().sql() + p.estimatedCount().map(e -> " " + e.sql()).orElse("");
      params = new ArrayList<>(p.main().params());
    } catch (PlanException | ApiRequestException e) {
      return; // refused before any SQL: safe
    }
    planned++;
    String outside = outsideQuotes(sql);
    assertThat(sql).doesNotContain(value);
    assertThat(outside).doesNotContain(";", "--", "/*", "*/", "$$", "DROP", "{fn");
    assertThat(params).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void filterValuesAreParameters(String v) {
    String e = enc(v);
    String q = enc("\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    for (String filter :
        List.of(
            "title=eq." + e,
            "title=neq." + e,
            "title=like." + e,
            "title=ilike." + e,
            "title=match." + e,
            "title=isdistinct." + e,
            "title=not.eq." + e,
            "title=in.(" + q + ",x)",
            "tags=cs." + e,
            "tags=ov." + e,
            "title=eq(any)." + e,
            "body=fts." + e,
            "body=wfts(english)." + e,
            "metadata->>" + q + "=eq." + e,
            "or=(title.eq." + q + ",body.like." + q + ")",
            "not.and=(title.eq." + q + ",metadata->>k.eq." + q + ")")) {
      assertSafe(v, () -> Plans.get("/articles?select=id&" + filter, "Prefer", "count=exact"));
    }
    assertThat(planned)
        .as("requests that reached SQL")
        .isGreaterThanOrEqualTo(v.contains("\0") ? 0 : 10);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void namesAreQuotedIdentifiers(String v) {
    String q = enc("\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    for (String url :
        List.of(
            "/articles?select=" + q,
            "/articles?select=" + q + ":id",
            "/articles?select=id::text," + q + ":metadata->" + q,
            "/articles?select=" + q + ":categories(name)",
            "/articles?select=id&order=" + q + ".desc",
            "/articles?select=id&" + q + "=eq.1",
            "/articles?select=id,comments(id)&comments." + q + "=eq.1",
            "/articles?select=" + q + ".sum()")) {
      assertSafeNames(url);
    }
    assertThat(planned)
        .as("requests that reached SQL")
        .isGreaterThanOrEqualTo(v.contains("\0") ? 0 : 5);
  }

  private void assertSafeNames(String url) {
    try {
      QueryPlan p = Plans.get(url);
      planned++;
      String outside = outsideQuotes(p.main().sql());
      assertThat(outside).as(url).doesNotContain(";", "--", "/*", "*/", "$$", "DROP", "{fn");
    } catch (PlanException | ApiRequestException e) {
      // refused: no SQL
    }
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void writeBodiesAndRpcArgumentsAreParameters(String v) {
    String json = "{\"title\":" + FixtureDb.MAPPER.valueToTree(v) + ",\"owner_id\":\"x\"}";
    assertSafe(v, () -> Plans.send("POST", "/articles", json, "Prefer", "return=representation"));
    assertSafe(v, () -> Plans.send("PATCH", "/articles?id=eq." + enc(v), json));
    assertSafe(v, () -> Plans.send("DELETE", "/articles?title=eq." + enc(v), null));
    assertSafe(
        v,
        () ->
            Plans.send(
                "POST",
                "/articles",
                "title,owner_id\n\"" + v.replace("\"", "\"\"") + "\",x",
                "Content-Type",
                "text/csv"));
    assertSafe(
        v,
        () ->
            Plans.send(
                "POST",
                "/articles",
                "title=" + enc(v),
                "Content-Type",
                "application/x-www-form-urlencoded"));
    assertSafe(v, () -> Plans.get("/rpc/add?x=" + enc(v) + "&y=" + enc(v)));
    assertSafe(
        v,
        () ->
            Plans.send(
                "POST", "/rpc/add", "{\"x\":" + FixtureDb.MAPPER.valueToTree(v) + ",\"y\":\"b\"}"));
    assertSafe(
        v, () -> Plans.send("POST", "/rpc/echo", FixtureDb.MAPPER.valueToTree(v).toString()));
    assertSafe(v, () -> Plans.send("POST", "/rpc/upper_text", v, "Content-Type", "text/plain"));
    assertSafe(v, () -> Plans.get("/rpc/sum_all?nums=" + enc(v) + "&nums=2"));
    assertThat(planned)
        .as("requests that reached SQL")
        .isGreaterThanOrEqualTo(v.contains("\0") ? 0 : 8);
  }
}
