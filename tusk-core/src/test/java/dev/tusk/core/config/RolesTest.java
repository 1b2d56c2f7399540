package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RolesTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  @Test
  void rolesAreReadWithTheirDefaults() {
    f.env("AUTH_PW", "pw1");

    TuskConfig c =
        f.load(
            yaml(
                "databases: []",
                "roles:",
                "  - { name: anon }",
                "  - name: authenticator",
                "    login: true",
                "    inherit: false",
                "    password: ${env:AUTH_PW}",
                "    member_of: [anon, postgres]",
                "    connection_limit: 10"));

    assertThat(c.roles())
        .containsExactly(
            new RoleConfig("anon", false, true, Optional.empty(), List.of(), -1),
            new RoleConfig(
                "authenticator",
                true,
                false,
                Optional.of(new Secret("pw1", "env:AUTH_PW")),
                List.of("anon", "postgres"),
                10));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "duplicate role",
            "roles: [{ name: a }, { name: b }, { name: a }]",
            "config.duplicate_name",
            "duplicate role name \"a\" in roles[2].name at tusk.yaml:1:43"
                + " (first in roles[0].name at tusk.yaml:1:17)"),
        Arguments.of(
            "reserved prefix",
            "roles: [{ name: pg_app }]",
            "config.bad_value",
            "roles[0].name must be a role name that does not start with pg_ (reserved),"
                + " got \"pg_app\" at tusk.yaml:1:17"),
        Arguments.of("public", "roles: [{ name: public }]", "config.bad_value", "reserved"),
        Arguments.of("none", "roles: [{ name: none }]", "config.bad_value", "reserved"),
        Arguments.of(
            "role shadows the superuser",
            "roles: [{ name: postgres }]",
            "config.bad_value",
            "roles[0].name \"postgres\" at tusk.yaml:1:17 is postgres.superuser"),
        Arguments.of(
            "unknown parent",
            "roles: [{ name: a }, { name: b, member_of: [c] }]",
            "config.unknown_role",
            "roles[1].member_of[0] names role \"c\" at tusk.yaml:1:45"),
        Arguments.of(
            "member of itself",
            "roles: [{ name: a, member_of: [a] }]",
            "config.bad_value",
            "cannot be a member of itself"),
        Arguments.of(
            "membership cycle",
            "roles: [{ name: a, member_of: [b] }, { name: b, member_of: [c] },"
                + " { name: c, member_of: [a] }]",
            "config.bad_value",
            "roles form a membership cycle: a -> b -> c -> a (see roles[0].member_of[0] at"
                + " tusk.yaml:1:32)"),
        Arguments.of(
            "parent twice",
            "roles: [{ name: a }, { name: b, member_of: [a, a] }]",
            "config.duplicate_name",
            "duplicate role \"a\""),
        Arguments.of(
            "password without login",
            "roles: [{ name: a, password: x }]",
            "config.bad_value",
            "roles[0].password is set at tusk.yaml:1:30 but the role cannot log in"),
        Arguments.of(
            "connection limit below -1",
            "roles: [{ name: a, connection_limit: -2 }]",
            "config.bad_value",
            "roles[0].connection_limit must be an integer from -1 to 2147483647, got \"-2\""),
        Arguments.of(
            "connection limit too big",
            "roles: [{ name: a, connection_limit: 2147483648 }]",
            "config.bad_value",
            "connection_limit"),
        Arguments.of(
            "login not a boolean",
            "roles: [{ name: a, login: yes }]",
            "config.bad_type",
            "roles[0].login must be true or false, got \"yes\""),
        Arguments.of(
            "name missing",
            "roles: [{ login: true }]",
            "config.missing_key",
            "roles[0].name is required"),
        Arguments.of(
            "name null",
            "roles: [{ name: null }]",
            "config.bad_type",
            "roles[0].name must be a role name, got null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesBadRoles(String name, String roles, String code, String message) {
    ConfigException e = f.fail(yaml(roles, "databases: []"));

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(message);
    assertThat(e.hint()).isPresent();
  }

  @Test
  void aSecretNeverAppearsInAnError() {
    ConfigException e = f.fail(yaml("databases: []", "roles: [{ name: a, password: zq9Secret }]"));

    assertThat(e.getMessage()).doesNotContain("zq9Secret");
    assertThat(e.hint().orElseThrow()).doesNotContain("zq9Secret");
  }
}
