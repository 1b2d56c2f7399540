package dev.tusk.rest.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.request.RequestLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;

/** Plans requests against {@link Fixture} the way a test reads best. */
final class Plans {

  static final RequestLimits LIMITS = RequestLimits.defaults(List.of("content", "identity"));
  static final PlanSettings SETTINGS =
      new PlanSettings(Optional.empty(), true, true, List.of("content", "identity"));
  static final Planner PLANNER = new Planner(new ObjectMapper());

  private Plans() {}

  static ApiRequest request(String method, String url, String body, String... headerPairs) {
    int q = url.indexOf('?');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      headers.computeIfAbsent(headerPairs[i], k -> new ArrayList<>()).add(headerPairs[i + 1]);
    }
    return ApiRequest.parse(
        method,
        q < 0 ? url : url.substring(0, q),
        q < 0 ? null : url.substring(q + 1),
        headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        LIMITS);
  }

  static QueryPlan plan(
      String method, String url, String body, PlanSettings settings, String... headers) {
    return PLANNER.plan(request(method, url, body, headers), Fixture.CACHE, settings);
  }

  static QueryPlan get(String url, String... headers) {
    return plan("GET", url, null, SETTINGS, headers);
  }

  static QueryPlan send(String method, String url, String body, String... headers) {
    return plan(method, url, body, SETTINGS, headers);
  }

  /** Collapses whitespace and the blanks just inside parentheses, so expectations can wrap. */
  static String normal(String sql) {
    return sql.strip().replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
  }

  static String sql(QueryPlan plan) {
    return plan.main().sql();
  }

  /** The main statement's row query: the text inside {@code WITH "pgrst_source" AS (...)}. */
  static String rows(QueryPlan plan) {
    String sql = plan.main().sql();
    String prefix = "WITH \"pgrst_source\" AS (";
    if (!sql.startsWith(prefix)) {
      throw new AssertionError("not a read statement: " + sql);
    }
    int end = sql.lastIndexOf(") SELECT ", sql.indexOf(" AS total"));
    return sql.substring(prefix.length(), end);
  }

  /** The parameters of {@link #rows}: the first ones, one per placeholder in it. */
  static List<String> rowParams(QueryPlan plan) {
    long n = rows(plan).chars().filter(c -> c == '?').count();
    return plan.main().params().subList(0, (int) n);
  }

  static PlanError error(Runnable r) {
    try {
      r.run();
    } catch (PlanException e) {
      return e.error();
    }
    throw new AssertionError("expected a PlanException");
  }

  static AbstractThrowableAssert<?, ? extends Throwable> fails(Runnable r) {
    return assertThatThrownBy(r::run).isInstanceOf(PlanException.class);
  }
}
