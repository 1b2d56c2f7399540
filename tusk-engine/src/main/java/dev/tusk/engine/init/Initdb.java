package dev.tusk.engine.init;

import dev.tusk.core.error.OperationException;
import dev.tusk.engine.os.Host;
import dev.tusk.engine.os.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Creates a data directory with initdb: UTF8, locale C, data checksums, scram-sha-256. initdb
 * writes into a staging directory beside the target which is renamed into place only when it
 * succeeded, so a crash or a failed initdb never leaves a half-made data directory that the next
 * start would mistake for a real one.
 */
public final class Initdb {

  private final Host host;
  private final Path initdbBinary;

  public Initdb(Host host, Path initdbBinary) {
    this.host = host;
    this.initdbBinary = initdbBinary;
  }

  /**
   * Runs initdb for {@code dataDir} with {@code superuser} and its password. {@code sync=false}
   * skips fsync (tests only: a machine crash could then lose the new directory).
   */
  public void run(Path dataDir, String superuser, String password, boolean sync) {
    Path staging = dataDir.resolveSibling(dataDir.getFileName() + ".initdb");
    Path pwDir = dataDir.resolveSibling(dataDir.getFileName() + ".initdb-pw");
    try {
      deleteTree(staging);
      deleteTree(pwDir);
      Files.createDirectories(dataDir.getParent());
      Files.createDirectory(
          pwDir,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path pwFile = pwDir.resolve("pw");
      Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-------"));
      host.giveToPostgres(pwDir, true);
      // Created here and handed over, so the PostgreSQL account never needs write access to
      // the parent (which, as root, also holds Tusk's own secrets).
      Files.createDirectory(
          staging,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      host.giveToPostgres(staging, false);
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  initdbBinary.toString(),
                  "--pgdata=" + staging,
                  "--username=" + superuser,
                  "--pwfile=" + pwFile,
                  "--encoding=UTF8",
                  "--locale=C",
                  "--data-checksums",
                  "--auth-local=scram-sha-256",
                  "--auth-host=scram-sha-256"));
      if (!sync) {
        cmd.add("--no-sync");
      }
      ProcessResult r =
          host.runAsPostgres(cmd, dataDir.getParent(), Map.of("LC_ALL", "C", "TZ", "UTC"), 300);
      if (!r.ok()) {
        throw new OperationException(
            "engine.initdb_failed",
            "initdb failed for " + dataDir + " (exit " + r.exitCode() + "): " + r.tail(5),
            "fix the cause above; nothing was left in " + dataDir,
            null);
      }
      if (Files.exists(dataDir)) {
        Files.delete(dataDir); // inspected before: missing or empty
      }
      Files.move(staging, dataDir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new OperationException(
          "engine.initdb_io",
          "could not prepare " + dataDir + " for initdb: " + e.getMessage(),
          "check that its parent directory is writable",
          e);
    } finally {
      deleteQuietly(staging);
      deleteQuietly(pwDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException ignored) {
      // best effort: a leftover staging directory is removed by the next initdb
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
