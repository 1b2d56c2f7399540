package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Headers, Request, Response and Body: the value types handlers see. */
class ModelTest {

  @Test
  void headersLookUpIgnoringCaseAndKeepOrder() {
    Headers h = Headers.of("Accept", "a", "X-One", "1", "accept", "b", "ACCEPT", "c");
    assertThat(h.all("accept")).containsExactly("a", "b", "c");
    assertThat(h.all("X-ONE")).containsExactly("1");
    assertThat(h.all("missing")).isEmpty();
    assertThat(h.first("aCCept")).contains("a");
    assertThat(h.first("missing")).isEmpty();
    assertThat(h.name(2)).isEqualTo("accept");
    assertThat(h.asMap())
        .containsExactly(
            Map.entry("accept", List.of("a", "b", "c")), Map.entry("x-one", List.of("1")));
    assertThatThrownBy(() -> h.asMap().put("x", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.all("accept").add("d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void headersRefuseWhatCouldSplitAResponse() {
    assertThatThrownBy(() -> Headers.of("X", "a\r\nSet-Cookie: evil=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.of("X", "a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.of("X", "\u0000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.of("X", "snow\u2603"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.of("Bad Name", "v"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.of("X:", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.of("", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.of("X")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Headers.of("X", "caf\u00e9\tok").first("x")).contains("caf\u00e9\tok");
  }

  @Test
  void headersBuilderCopiesOnBuild() {
    Headers.Builder b = Headers.builder().add("A", "1");
    Headers first = b.build();
    b.add("B", "2");
    assertThat(first.size()).isEqualTo(1);
    assertThat(b.build().size()).isEqualTo(2);
  }

  @Test
  void requestSplitsPathAndRawQueryWithoutDecoding() {
    Request r = request("/t%2Fx?a=%20b&c=d?e");
    assertThat(r.path()).isEqualTo("/t%2Fx");
    assertThat(r.rawQuery()).contains("a=%20b&c=d?e");
    assertThat(request("/p").rawQuery()).isEmpty();
    assertThat(request("/p?").rawQuery()).contains("");
  }

  @Test
  void responsesLeaveFramingToTheServer() {
    for (String h : new String[] {"Content-Length", "transfer-encoding", "CONNECTION"}) {
      assertThatThrownBy(() -> Response.of(200, Headers.of(h, "1"), new byte[0]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("set by the server");
    }
  }

  @Test
  void responsesRefuseImpossibleStatusesAndBodies() {
    assertThatThrownBy(() -> Response.empty(100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Response.empty(600)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Response.of(204, Headers.empty(), new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Response.streamed(304, Headers.empty(), -1, out -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Response(200, Optional.of("OK\r\nX: y"), Headers.empty(), Body.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Body.streamed(-2, out -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Response.empty(204).body().length()).isZero();
    assertThat(Response.json(200, "{\"a\":\"\u00e9\"}").body().length()).isEqualTo(10);
  }

  private static Request request(String target) {
    return new Request("GET", target, HttpVersion.HTTP_1_1, Headers.empty(), new byte[0], null);
  }
}
