package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The case checker fails where run.py fails: a runner that cannot fail would prove nothing. */
class ConformanceCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> check(String expect, int status, String body, String... headers)
      throws Exception {
    Map<String, List<String>> h = new java.util.LinkedHashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      h.put(headers[i], List.of(headers[i + 1]));
    }
    return ConformanceCases.check(JSON.readTree(expect), status, h, body);
  }

  @Test
  void statusDefaultsTo200AndMayBeAList() throws Exception {
    assertThat(check("{}", 200, "")).isEmpty();
    assertThat(check("{}", 201, "")).containsExactly("status 201, wanted 200");
    assertThat(check("{\"status\": [401, 403]}", 403, "")).isEmpty();
    assertThat(check("{\"status\": [401, 403]}", 400, "")).hasSize(1);
  }

  @Test
  void jsonComparesByValueLikePython() throws Exception {
    assertThat(
            check("{\"json\": [{\"a\": 625, \"b\": \"x\"}]}", 200, "[{\"b\":\"x\",\"a\":625.0}]"))
        .isEmpty();
    assertThat(check("{\"json\": [{\"a\": 1}]}", 200, "[{\"a\":1,\"b\":2}]")).hasSize(1);
    assertThat(check("{\"json\": [1, 2]}", 200, "[2, 1]")).hasSize(1);
    assertThat(check("{\"json\": null}", 200, "")).isEmpty();
    assertThat(check("{\"json\": 1}", 200, "not json")).hasSize(1);
  }

  @Test
  void subsetCodesAndKeys() throws Exception {
    String err = "{\"code\":\"PGRST301\",\"message\":\"m\",\"details\":null,\"hint\":null}";
    assertThat(check("{\"json_subset\": {\"code\": \"PGRST301\", \"hint\": null}}", 200, err))
        .isEmpty();
    assertThat(check("{\"json_subset\": {\"extra\": 1}}", 200, err)).hasSize(1);
    assertThat(check("{\"code\": \"PGRST301\"}", 200, err)).isEmpty();
    assertThat(check("{\"code\": \"PGRST303\"}", 200, err)).hasSize(1);
    assertThat(check("{\"code_prefix\": \"PGRST30\"}", 200, err)).isEmpty();
    assertThat(check("{\"code_prefix\": \"PGRST2\"}", 200, err)).hasSize(1);
    assertThat(check("{\"json_keys\": [\"code\", \"details\"]}", 200, err)).isEmpty();
    assertThat(check("{\"json_keys\": [\"nope\"]}", 200, err)).hasSize(1);
  }

  @Test
  void headersExactlyOrContainedAndNullForAbsent() throws Exception {
    assertThat(
            check(
                "{\"headers\": {\"Content-Range\": \"0-1/*\"}}", 200, "", "content-range", "0-1/*"))
        .isEmpty();
    assertThat(
            check(
                "{\"headers\": {\"Content-Range\": \"0-1/2\"}}", 200, "", "content-range", "0-1/*"))
        .hasSize(1);
    assertThat(check("{\"headers\": {\"WWW-Authenticate\": null}}", 200, "")).isEmpty();
    assertThat(
            check("{\"headers\": {\"WWW-Authenticate\": null}}", 200, "", "www-authenticate", "B"))
        .hasSize(1);
    assertThat(
            check("{\"header_contains\": {\"Allow\": \"GET\"}}", 200, "", "Allow", "OPTIONS,GET"))
        .isEmpty();
    assertThat(check("{\"header_contains\": {\"Allow\": \"PUT\"}}", 200, "")).hasSize(1);
  }

  @Test
  void csvTextAndBodies() throws Exception {
    assertThat(
            check(
                "{\"csv\": [[\"id\", \"name\"], [\"1\", \"a, \\\"b\\\"\"], [\"2\", \"\"]]}",
                200,
                "id,name\n1,\"a, \"\"b\"\"\"\n2,"))
        .isEmpty();
    assertThat(check("{\"csv\": [[\"id\"], [\"1\"]]}", 200, "id\n2")).hasSize(1);
    assertThat(check("{\"text\": \"3\"}", 200, "3\n")).isEmpty();
    assertThat(check("{\"body_contains\": \"/users\"}", 200, "{\"/users\":1}")).isEmpty();
    assertThat(check("{\"body_contains\": \"/users\"}", 200, "{}")).hasSize(1);
    assertThat(check("{\"empty_body\": true}", 204, " ")).hasSize(1); // and the status
    assertThat(check("{\"status\": 204, \"empty_body\": true}", 204, "x")).hasSize(1);
  }

  @Test
  void casesLoadInFileOrder() {
    List<ConformanceCases.Case> cases = ConformanceCases.load("/conformance/extra");
    assertThat(cases).isNotEmpty();
    assertThat(cases.get(0).file()).isLessThanOrEqualTo(cases.get(cases.size() - 1).file());
    JsonNode first = cases.get(0).spec();
    assertThat(first.has("name") && first.has("path") && first.has("expect")).isTrue();
  }
}
