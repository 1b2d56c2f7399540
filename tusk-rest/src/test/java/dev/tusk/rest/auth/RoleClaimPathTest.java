package dev.tusk.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.core.error.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgREST's role-claim JSPath, including the examples from its documentation. */
class RoleClaimPathTest {

  private static final String CLAIMS =
      """
      {"role": "web", "a": {"b": "nested"}, "https://www.example.com/role": {"key": "author"},
       "postgrest": {"roles": ["other", "author"], "wlcg": ["/groupa", "/groupb/"]},
       "mixed": [1, {"x": 2}, "only-string"], "n": 7, "has.dot": "dotted", "$@_": "symbols",
       "unicode": "r\u00f4le\ud83d\ude00"}
      """;

  private static JsonNode claims() throws Exception {
    return Jose.JSON.readTree(CLAIMS);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "MISSING",
      value = {
        ".role|web",
        ".a.b|nested",
        ".\"https://www.example.com/role\".key|author",
        ".postgrest.roles[0]|other",
        ".postgrest.roles[1]|author",
        ".postgrest.roles[2]|MISSING",
        ".postgrest.roles[?(@ == \"author\")]|author",
        ".postgrest.roles[?(@ != \"other\")]|author",
        ".postgrest.roles[?(@ ^== \"aut\")]|author",
        ".postgrest.roles[?(@ ==^ \"hor\")]|author",
        ".postgrest.roles[?(@ *== \"utho\")]|author",
        ".postgrest.roles[?(@==\"other\")]|other",
        ".postgrest.roles[?(@ == \"nobody\")]|MISSING",
        ".mixed[?(@ ^== \"only\")]|only-string",
        ".postgrest.wlcg[0][1:]|groupa",
        ".postgrest.wlcg[1][1:-1]|groupb",
        ".postgrest.wlcg[0][:]|/groupa",
        ".postgrest.wlcg[0][:2]|/g",
        ".postgrest.wlcg[0][-3:]|upa",
        ".postgrest.wlcg[0][11:2]|''",
        ".postgrest.wlcg[0][-100:100]|/groupa",
        ".unicode[4:]|\ud83d\ude00",
        ".postgrest.roles[?(@ == \"author\")][0:3]|aut",
        ".\"has.dot\"|dotted",
        ".$@_|symbols",
        ".missing|MISSING",
        ".role.deeper|MISSING",
        ".a[0]|MISSING",
        ".role[1:]|eb",
        ".n[0:1]|MISSING",
        ".postgrest[?(@ == \"x\")]|MISSING",
      })
  void selectsLikePostgrest(String path, String expected) throws Exception {
    var selected = RoleClaimPath.parse(path).select(claims());
    if (expected == null) {
      assertThat(selected).isEmpty();
    } else {
      assertThat(selected).get().extracting(JsonNode::textValue).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "role",
        ".",
        "..role",
        ".role.",
        ".a b",
        ".a[",
        ".a[x]",
        ".a[-1]",
        ".a[]",
        ".a[1",
        ".a[1:2:3]",
        ".a[-]",
        ".\"unterminated",
        ".a[?(@ = \"x\")]",
        ".a[?(@ == x)]",
        ".a[?(@ == \"x\"]",
        ".a[?(x == \"x\")]",
        ".a[9999999999]",
        "[0]",
        ".r\u00f4le",
      })
  void aBadPathIsAConfigErrorNamingTheKey(String path) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> RoleClaimPath.parse(path));
    assertThat(e).as(path).isNotNull();
    assertThat(e.code()).isEqualTo("config.bad_value");
    assertThat(e.getMessage()).startsWith("api.jwt.role_claim_key: ");
    assertThat(e.hint()).get().asString().contains(".role");
    assertThat(e.exitCode()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {".role", ".a.b[0]", ".\"x y\".z[?(@ *== \"q\")][1:-1]"})
  void aPathKeepsItsSourceText(String path) {
    assertThat(RoleClaimPath.parse(path)).hasToString(path);
  }

  @org.junit.jupiter.api.Test
  void anOverlongPathIsRefused() {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> RoleClaimPath.parse(".a".repeat(600)));
    assertThat(e.getMessage()).contains("the limit is 1024");
  }
}
