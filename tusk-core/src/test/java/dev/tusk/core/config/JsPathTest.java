package dev.tusk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgREST's role claim key grammar (Config/JSPath.hs). */
class JsPathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".role",
        ".postgrest.roles[1]",
        ".\"https://www.example.com/role\".key",
        ".realm_access.roles[0]",
        ".a$b@c_d",
        "[0]",
        ".roles[?(@ == \"admin\")]",
        ".roles[?(@==\"admin\")]",
        ".roles[?(@ != \"x\")]",
        ".roles[?(@ ^== \"app_\")]",
        ".roles[?(@ ==^ \"_admin\")]",
        ".roles[?(@ $== \"_admin\")]",
        ".roles[?(@ *== \"min\")]",
        ".\"\"",
        ".rôle"
      })
  void accepts(String path) {
    assertThat(JsPath.valid(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "role",
        ".",
        "..role",
        ".role.",
        ".role[",
        ".role[]",
        ".role[x]",
        ".role[-1]",
        ".role[1234567890]",
        ".\"unterminated",
        ".ro le",
        ".roles[?(@ == \"a\")].more",
        ".roles[?(@ = \"a\")]",
        ".roles[?(@ == a)]",
        ".roles[?(x == \"a\")]",
        ".roles[?(@ == \"a\"]",
        ".role\n"
      })
  void refuses(String path) {
    assertThat(JsPath.valid(path)).isFalse();
  }
}
