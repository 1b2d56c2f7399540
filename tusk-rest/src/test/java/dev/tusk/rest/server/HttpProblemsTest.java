package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.core.http.ErrorRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every answer of the HTTP layer, in PostgREST's four fields with the code docs/rest.md lists. */
class HttpProblemsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpProblems problems = new HttpProblems(73728, 16384, 1048576);

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "413, http.body_too_large, PGRST102",
    "400, http.bad_chunk, PGRST102",
    "400, http.ambiguous_length, PGRST102",
    "400, http.bad_content_length, PGRST102",
    "400, http.bad_transfer_encoding, PGRST102",
    "501, http.transfer_encoding_not_supported, PGRST102",
    "414, http.uri_too_long, PGRST100",
    "431, http.headers_too_large, PGRST100",
    "431, http.too_many_headers, PGRST100",
    "400, http.bad_request_line, PGRST100",
    "400, http.bad_method, PGRST100",
    "400, http.bad_target, PGRST100",
    "400, http.bad_version, PGRST100",
    "505, http.version_not_supported, PGRST100",
    "400, http.bad_header, PGRST100",
    "400, http.obs_fold, PGRST100",
    "400, http.bad_host, PGRST100",
    "417, http.expectation_failed, PGRST100",
    "408, http.request_timeout, PGRST100",
    "503, http.overloaded, PGRST003",
    "500, http.internal_error, PGRSTX00",
    "400, http.something_new, PGRST100",
    "413, http.something_new, PGRST102",
    "502, http.something_new, PGRSTX00"
  })
  void mapsEachCodeKeepingTheStatus(int status, String code, String pgrst) throws Exception {
    ErrorRenderer.Rendered r = problems.render(status, code, "the server's \"own\" words");
    assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
    JsonNode n = JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
    List<String> fields = new ArrayList<>();
    n.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("code", "message", "details", "hint");
    assertThat(n.get("code").asText()).isEqualTo(pgrst);
    assertThat(n.get("message").asText()).isNotBlank();
    assertThat(problems.problem(status, code, "x").status()).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource({
    "413, http.body_too_large, 1048576, api.max_body_bytes",
    "414, http.uri_too_long, 73728, /rpc/",
    "431, http.headers_too_large, 16384, headers"
  })
  void limitsAreNamed(int status, String code, String limit, String hint) {
    ApiProblem p = problems.problem(status, code, "too big");
    assertThat(p.details().asText()).contains(limit);
    assertThat(p.hint()).contains(hint);
  }
}
