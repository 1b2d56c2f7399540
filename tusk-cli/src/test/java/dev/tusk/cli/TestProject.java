package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A project directory for the ITs that run a real {@code tusk up}, so each of them does not set it
 * up by hand: a temporary directory PostgreSQL's unprivileged OS user may enter (the tests run as
 * root), free ports for PostgreSQL, the admin server and the API, a tusk.yaml written with those
 * ports, and the {@code tusk up} processes started in it. {@link #close()} stops what is still
 * running and removes the directory; registered as an extension on a static field, that happens
 * after the class's last test.
 */
final class TestProject implements AutoCloseable, AfterAllCallback {

  /** What {@code tusk up} prints last once the platform is up. */
  static final String READY = "stop with Ctrl-C";

  private final Path dir;
  private final int postgresPort = freePort();
  private final int adminPort = freePort();
  private final int apiPort = freePort();
  private final List<TuskProcess> started = new ArrayList<>();

  private TestProject(Path dir) {
    this.dir = dir;
  }

  /** A new empty project in a temporary directory named {@code prefix...}, mode 755. */
  static TestProject create(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      return new TestProject(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port nobody listens on right now. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path dir() {
    return dir;
  }

  Path resolve(String path) {
    return dir.resolve(path);
  }

  int postgresPort() {
    return postgresPort;
  }

  int adminPort() {
    return adminPort;
  }

  int apiPort() {
    return apiPort;
  }

  /** Writes {@code text} to {@code path} in the project, making its directories first. */
  Path write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /**
   * Writes tusk.yaml from {@code template}, in which {@code {postgres.port}}, {@code {admin.port}}
   * and {@code {api.port}} stand for this project's ports.
   */
  void writeConfig(String template) throws IOException {
    write(
        "tusk.yaml",
        template
            .replace("{postgres.port}", Integer.toString(postgresPort))
            .replace("{admin.port}", Integer.toString(adminPort))
            .replace("{api.port}", Integer.toString(apiPort)));
  }

  /** This project's PostgreSQL and admin ports as variables, for a project with no tusk.yaml. */
  Map<String, String> portEnv() {
    return Map.of(
        "TUSK_POSTGRES_PORT", Integer.toString(postgresPort),
        "TUSK_ADMIN_PORT", Integer.toString(adminPort));
  }

  /** Starts {@code tusk up} here with no extra variables and umask 022, without waiting. */
  TuskProcess startUp() throws IOException {
    return startUp(Map.of(), "022");
  }

  /** Starts {@code tusk up} here with {@code env} and {@code umask}, without waiting. */
  TuskProcess startUp(Map<String, String> env, String umask) throws IOException {
    TuskProcess tusk = TuskProcess.startWithUmask(dir, env, umask, "up");
    started.add(tusk);
    return tusk;
  }

  /** Starts {@code tusk up} here and waits until it printed {@link #READY}. */
  TuskProcess up(Duration timeout) throws IOException, InterruptedException {
    TuskProcess tusk = startUp();
    tusk.awaitOut(READY, timeout);
    return tusk;
  }

  /** Runs the CLI in-process in this project with no extra variables. */
  CliRunner.Result tusk(String... args) {
    return CliRunner.run(dir, Map.of(), args);
  }

  /** {@code tusk sql --csv query}, which must succeed; returns its CSV with the header. */
  String sql(String query) {
    CliRunner.Result r = tusk("sql", "--csv", query);
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    return r.out();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
  }

  @Override
  public void close() throws IOException {
    started.forEach(TuskProcess::close);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
