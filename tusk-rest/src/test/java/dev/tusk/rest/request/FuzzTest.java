package dev.tusk.rest.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated requests: each must parse or fail with an {@link ApiRequestError} that
 * renders; nothing else may escape. Seeds are fixed, so a failure reproduces.
 */
class FuzzTest {

  private static final String[] TOKENS = {
    "select=",
    "order=",
    "limit=",
    "offset=",
    "or=",
    "and=",
    "not.",
    "columns=",
    "on_conflict=",
    "rel.",
    "eq.",
    "neq.",
    "in.",
    "is.",
    "fts(",
    "like(any).",
    "(any)",
    "(all)",
    "->",
    "->>",
    "::",
    ".sum()",
    "count()",
    "...",
    "!inner",
    "!",
    "(",
    ")",
    ",",
    ".",
    ":",
    "\"",
    "\\",
    "{",
    "}",
    "*",
    "%",
    "%2",
    "%00",
    "%C3",
    "%ZZ",
    "%22",
    "+",
    "&",
    "=",
    " ",
    "a",
    "id",
    "0",
    "-1",
    "99999999999",
    "é",
    "😀",
    "\uD800",
    "null",
    "not_null",
    ".desc",
    ".nullslast",
    "(1,2)",
    "\t"
  };

  private static final String[] SEEDS = {
    "select=id,title,categories!inner(name),...c!fk(a:b::text),amount.sum()::int,count()"
        + "&categories.name=eq.Tech&order=id.desc.nullslast,c(x).asc&limit=2&offset=1",
    "or=(a.eq.1,and(b.gt.2,not.or(c.lt.3,d.in.(\"x,y\",z))),e.cs.{1,2})&rel.not.and=(x.is.null)",
    "select=data->a->>b,data->0&data->>k=like(all).{a*,b*}&tags=not.fts(english).x%20y",
    "columns=a,%22b%20c%22&on_conflict=a&id=isdistinct.5&w=imatch(any).{^a}",
  };

  private static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "TRACE", "get", "");

  private static final List<String> PATHS =
      List.of("/articles", "/rpc/fn", "/", "/a/b", "/%ZZ", "/rpc/", "/%C3%A9", "x", "/t;x");

  private static final Set<Integer> STATUSES = Set.of(400, 404, 405, 406, 416);

  private final ErrorJson json = new ErrorJson(new ObjectMapper());
  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomTokenSoup(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 4000; i++) {
      StringBuilder query = new StringBuilder();
      int n = random.nextInt(30);
      for (int t = 0; t < n; t++) {
        query.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      check(random, query.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void mutatedValidQueries(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 4000; i++) {
      StringBuilder query = new StringBuilder(SEEDS[random.nextInt(SEEDS.length)]);
      int edits = 1 + random.nextInt(6);
      for (int e = 0; e < edits && query.length() > 0; e++) {
        int at = random.nextInt(query.length());
        switch (random.nextInt(4)) {
          case 0 -> query.deleteCharAt(at);
          case 1 -> query.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
          case 2 -> query.setCharAt(at, (char) (32 + random.nextInt(95)));
          default -> query.insert(at, query.substring(at, Math.min(query.length(), at + 8)));
        }
      }
      check(random, query.toString());
    }
  }

  private void check(Random random, String query) {
    String method = METHODS.get(random.nextInt(METHODS.size()));
    String path = PATHS.get(random.nextInt(PATHS.size()));
    Map<String, List<String>> headers =
        Requests.headers(
            "Prefer", garbage(random, "handling=strict,count=exact,tx=rollback,max-affected=9"),
            "Accept", garbage(random, "application/vnd.pgrst.plan+json;for=\"text/csv\";q=0.5"),
            "Range", garbage(random, "0-9"),
            "Accept-Profile", random.nextBoolean() ? "content" : garbage(random, "media"),
            "Content-Type", garbage(random, "application/json; charset=utf-8"));
    try {
      ApiRequest request =
          ApiRequest.parse(
              method,
              path,
              query,
              headers,
              query.getBytes(StandardCharsets.UTF_8),
              Requests.LIMITS);
      assertThat(request.action()).isNotNull();
    } catch (ApiRequestException e) {
      ApiRequestError error = e.error();
      assertThat(error.code()).matches("PGRST1[0-9]{2}");
      assertThat(STATUSES).contains(error.status());
      try {
        assertThat(mapper.readTree(json.render(error)).get("code").asText())
            .isEqualTo(error.code());
      } catch (java.io.IOException io) {
        fail("error body for %s %s?%s is not JSON", method, path, query, io);
      }
    } catch (RuntimeException | StackOverflowError e) {
      fail("%s %s?%s with %s threw %s", method, path, query, headers, e);
    }
  }

  /** A header value: sometimes sane, sometimes a mutation, sometimes random characters. */
  private static String garbage(Random random, String sane) {
    return switch (random.nextInt(3)) {
      case 0 -> sane;
      case 1 -> {
        StringBuilder s = new StringBuilder(sane);
        s.insert(random.nextInt(s.length() + 1), TOKENS[random.nextInt(TOKENS.length)]);
        yield s.toString();
      }
      default -> {
        List<String> parts = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
          parts.add(TOKENS[random.nextInt(TOKENS.length)]);
        }
        yield String.join("", parts);
      }
    };
  }
}
