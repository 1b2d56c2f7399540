package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.rest.auth.AuthResult;
import dev.tusk.rest.auth.JwtVerifier;
import dev.tusk.rest.auth.KeySources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tusk token} end to end in-process: the printed token is one the API accepts. */
class TokenCommandTest {

  private static final String SECRET = "cli-test-secret-with-more-than-32-characters";
  private static final Map<String, String> ENV = Map.of("TUSK_JWT_SECRET", SECRET);

  @TempDir Path dir;

  private void config(String jwt) throws Exception {
    Files.writeString(dir.resolve("tusk.yaml"), "api:\n  jwt: " + jwt + "\n");
  }

  private static AuthResult verify(String token) {
    JwtConfig cfg =
        new JwtConfig(
            Optional.of(new Secret(SECRET, "test")),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            ".role",
            Optional.empty(),
            Duration.ofSeconds(30));
    JwtVerifier v =
        new JwtVerifier(
            cfg, Clock.systemUTC(), KeySources.fromConfig(cfg, Clock.systemUTC(), s -> {}));
    return v.authenticate(Optional.of("Bearer " + token), Optional.empty(), Optional.empty());
  }

  @Test
  void printsATokenTheApiAccepts() throws Exception {
    config("{ secret: \"${env:TUSK_JWT_SECRET}\" }");
    CliRunner.Result r =
        CliRunner.run(
            dir,
            ENV,
            "token",
            "--role",
            "api_user",
            "--sub",
            "u1",
            "--claim",
            "tenant:=7",
            "--ttl",
            "15m");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    var auth = (AuthResult.Authenticated) verify(r.out().strip());
    assertThat(auth.role()).isEqualTo("api_user");
    assertThat(auth.claims().get("sub").textValue()).isEqualTo("u1");
    assertThat(auth.claims().get("tenant").intValue()).isEqualTo(7);
    assertThat(auth.claims().get("exp").longValue() - auth.claims().get("iat").longValue())
        .isEqualTo(900);
  }

  @Test
  void aBadTtlIsAUsageError() throws Exception {
    config("{ secret: \"${env:TUSK_JWT_SECRET}\" }");
    CliRunner.Result r = CliRunner.run(dir, ENV, "token", "--role", "r", "--ttl", "1y");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("token.bad_ttl").contains("15m");
  }

  @Test
  void aMissingRoleIsAUsageError() throws Exception {
    config("{ secret: \"${env:TUSK_JWT_SECRET}\" }");
    assertThat(CliRunner.run(dir, ENV, "token").exit()).isEqualTo(2);
  }

  @Test
  void aSuperuserRoleIsSignedWithAWarning() throws Exception {
    config("{ secret: \"${env:TUSK_JWT_SECRET}\" }");
    CliRunner.Result r = CliRunner.run(dir, ENV, "token", "--role", "postgres");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("superuser");
    assertThat(verify(r.out().strip()).role()).isEqualTo("postgres");
  }

  @Test
  void withoutASecretItSaysWhichKeyToSet() throws Exception {
    config("{ role_claim_key: .role }");
    CliRunner.Result r = CliRunner.run(dir, ENV, "token", "--role", "r");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("api.jwt.secret");
  }

  @Test
  void aShortSecretIsRefusedWithoutPrintingIt() throws Exception {
    config("{ secret: \"${env:TUSK_JWT_SECRET}\" }");
    CliRunner.Result r =
        CliRunner.run(dir, Map.of("TUSK_JWT_SECRET", "too-short"), "token", "--role", "r");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("at least 32").doesNotContain("too-short");
  }
}
