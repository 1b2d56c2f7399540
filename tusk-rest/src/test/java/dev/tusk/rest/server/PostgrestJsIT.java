package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.auth.JwtSigner;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real client against the REST API: the conformance fixture and the server as {@code tusk serve
 * rest} assembles it, driven by {@code @supabase/postgrest-js} from npm through the node:test
 * script in {@code src/test/js}. Node and npm are required; the test fails (never skips) without
 * them, so a CI machine without node cannot report this acceptance check as passed.
 */
@ExtendWith(TuskPostgres.class)
class PostgrestJsIT {

  static final String USER = "00000000-0000-0000-0000-00000000000";
  static final Duration TIMEOUT = Duration.ofSeconds(180);
  static final Pattern PASSED = Pattern.compile("(?m)^# pass (\\d+)\\s*$");
  static final Pattern FAILED = Pattern.compile("(?m)^# fail (\\d+)\\s*$");

  static RestServer server;

  @BeforeAll
  static void start(TestDatabase db) throws Exception {
    server = FixtureServer.start(db);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String token(String role, int user, String name) {
    return new JwtSigner(FixtureServer.jwt())
        .sign(Map.of("role", role, "sub", USER + user, "email", name + "@example.com"), "HS256");
  }

  @Test
  void postgrestJsDrivesTheServer() throws Exception {
    Path js = Path.of(System.getProperty("basedir", "."), "src", "test", "js").toAbsolutePath();
    assertThat(js.resolve("postgrest-js.test.mjs")).isRegularFile();
    String npm = onPath("npm");
    String node = onPath("node");
    if (!Files.isDirectory(js.resolve("node_modules").resolve("@supabase/postgrest-js"))) {
      Run ci = run(js, Map.of(), npm, "ci", "--no-audit", "--no-fund");
      assertThat(ci.exit()).as("npm ci in %s failed:%n%s", js, ci.output()).isZero();
    }
    Map<String, String> env =
        Map.of(
            "TUSK_REST_URL",
            "http://127.0.0.1:" + server.port(),
            "TUSK_JWT_ALICE",
            token("api_user", 1, "alice"),
            "TUSK_JWT_CAROL",
            token("api_editor", 3, "carol"),
            "NO_COLOR",
            "1");
    Run test = run(js, env, node, "--test", "--test-reporter=tap", "postgrest-js.test.mjs");

    assertThat(test.exit()).as("node --test failed:%n%s", test.output()).isZero();
    assertThat(count(FAILED, test.output())).as("failures in:%n%s", test.output()).isZero();
    assertThat(count(PASSED, test.output())).as("passes in:%n%s", test.output()).isPositive();
  }

  record Run(int exit, String output) {}

  static Run run(Path dir, Map<String, String> env, String... command) throws Exception {
    Path log = Files.createTempFile("postgrest-js", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
        throw new AssertionError(
            String.join(" ", command)
                + " did not finish within "
                + TIMEOUT
                + ":\n"
                + Files.readString(log));
      }
      return new Run(p.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** The executable's absolute path; fails the test, naming what is missing, when it is absent. */
  static String onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath().toString();
      }
    }
    throw new AssertionError(
        "PostgrestJsIT requires node 20+ and npm on PATH (it drives the REST API with"
            + " @supabase/postgrest-js); '"
            + name
            + "' was not found in PATH="
            + path
            + ". Install Node.js 20 or newer and rerun.");
  }

  static int count(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    assertThat(m.find()).as("no '%s' line in node output:%n%s", pattern, output).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
