package dev.tusk.engine.binaries;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A system PostgreSQL named by {@code postgres.bin_dir}. Its version is whatever {@code postgres
 * --version} says, because directory names and package metadata vary by distribution while the
 * program itself cannot be wrong about what it is.
 */
final class SystemBinaries {

  /** Major 10 began the one-number scheme that {@code postgres.version} uses. */
  static final int MIN_MAJOR = 10;

  private static final int MAX_OUTPUT = 64 * 1024;

  private final Duration versionTimeout;

  SystemBinaries(Duration versionTimeout) {
    this.versionTimeout = versionTimeout;
  }

  /**
   * Checks {@code binDir} and asks its {@code postgres} for the version.
   *
   * @throws ConfigException when the directory or a program is missing or not PostgreSQL
   * @throws OperationException when {@code postgres --version} fails or hangs
   */
  PostgresBinaries inspect(Path binDir) {
    if (!Files.isDirectory(binDir)) {
      throw new ConfigException(
          "binaries.bin_dir_missing",
          "postgres.bin_dir "
              + binDir
              + (Files.exists(binDir) ? " is not a directory" : " does not exist"),
          "set postgres.bin_dir to the directory holding postgres, initdb and pg_ctl (the output"
              + " of `pg_config --bindir`), or remove it to use the embedded PostgreSQL");
    }
    for (String program : PostgresBinaries.REQUIRED_PROGRAMS) {
      Path p = binDir.resolve(program);
      if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        throw new ConfigException(
            "binaries.program_missing",
            "postgres.bin_dir "
                + binDir
                + " has no executable "
                + program
                + " ("
                + p
                + (Files.exists(p) ? " is not an executable file)" : " does not exist)"),
            "set postgres.bin_dir to a complete PostgreSQL server installation (on Debian and"
                + " Ubuntu: apt-get install postgresql-<major>, then /usr/lib/postgresql/<major>/bin)");
      }
    }
    Path postgres = binDir.resolve("postgres");
    String output = run(postgres);
    PostgresVersion v =
        PostgresVersion.parseServerOutput(output)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "binaries.not_postgres",
                        postgres
                            + " --version printed '"
                            + firstLine(output)
                            + "', not a PostgreSQL version",
                        "set postgres.bin_dir to a PostgreSQL server's bin directory"));
    if (v.major() < MIN_MAJOR) {
      throw new ConfigException(
          "binaries.unsupported_version",
          postgres
              + " is PostgreSQL "
              + v.text()
              + "; Tusk needs PostgreSQL "
              + MIN_MAJOR
              + " or newer",
          "set postgres.bin_dir to a newer installation, or remove it to use the embedded"
              + " PostgreSQL");
    }
    return new PostgresBinaries(binDir, v.text(), v.major());
  }

  private String run(Path postgres) {
    Process p;
    try {
      p = new ProcessBuilder(postgres.toString(), "--version").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new OperationException(
          "binaries.version_failed",
          "cannot run " + postgres + " --version: " + e.getMessage(),
          "check that " + postgres + " is a program for this machine",
          e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = Thread.ofVirtual().start(() -> readBounded(p.getInputStream(), out));
    try {
      p.getOutputStream().close();
    } catch (IOException e) {
      // it has exited already; its exit code says the rest
    }
    try {
      if (!p.waitFor(versionTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new OperationException(
            "binaries.version_timeout",
            postgres + " --version did not finish within " + versionTimeout.toSeconds() + "s",
            "check that " + postgres + " is a working PostgreSQL server program");
      }
      reader.join(versionTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new OperationException(
          "binaries.version_failed",
          "interrupted while running " + postgres + " --version",
          "run the command again",
          e);
    }
    String output;
    synchronized (out) {
      output = out.toString(StandardCharsets.UTF_8);
    }
    if (p.exitValue() != 0) {
      throw new OperationException(
          "binaries.version_failed",
          postgres + " --version exited with " + p.exitValue() + ": " + firstLine(output),
          "check the installation: missing shared libraries show up here (run it yourself)");
    }
    return output;
  }

  private static void readBounded(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[4096];
    try (in) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        synchronized (out) {
          if (out.size() < MAX_OUTPUT) {
            out.write(buf, 0, Math.min(n, MAX_OUTPUT - out.size()));
          }
        }
      }
    } catch (IOException e) {
      // the process was killed or closed its output; what was read is what we have
    }
  }

  private static String firstLine(String s) {
    String line = s.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
