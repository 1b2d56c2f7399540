package dev.tusk.engine.init;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the state of a data directory without changing it, so every check that can refuse a start
 * runs before anything on disk is touched.
 */
public final class DataDirectory {

  /** What is at {@code postgres.data_dir}. */
  public sealed interface State {}

  /** Nothing there yet, or an empty directory: initdb will create it. */
  public record Uninitialized() implements State {}

  /** A PostgreSQL data directory of this major version. */
  public record Initialized(int major) implements State {}

  private final Path dir;

  public DataDirectory(Path dir) {
    this.dir = dir;
  }

  public Path path() {
    return dir;
  }

  /** Inspects the directory; refuses one that holds something other than PostgreSQL data. */
  public State inspect() {
    try {
      if (!Files.exists(dir)) {
        return new Uninitialized();
      }
      if (!Files.isDirectory(dir)) {
        throw new ConfigException(
            "engine.data_dir_not_dir",
            "postgres.data_dir " + dir + " exists but is not a directory",
            "point postgres.data_dir at a directory (it is created if missing)");
      }
      Path version = dir.resolve("PG_VERSION");
      if (Files.exists(version)) {
        String text = Files.readString(version, StandardCharsets.US_ASCII).strip();
        try {
          return new Initialized(Integer.parseInt(text.split("\\.")[0]));
        } catch (NumberFormatException e) {
          throw new ConfigException(
              "engine.data_dir_corrupt",
              "postgres.data_dir " + dir + " has an unreadable PG_VERSION ('" + text + "')",
              "restore the data directory from a backup, or point data_dir elsewhere");
        }
      }
      try (Stream<Path> entries = Files.list(dir)) {
        List<Path> some = entries.limit(3).toList();
        if (!some.isEmpty()) {
          throw new ConfigException(
              "engine.data_dir_foreign",
              "postgres.data_dir "
                  + dir
                  + " is not empty and is not a PostgreSQL data directory (it holds "
                  + some.getFirst().getFileName()
                  + ")",
              "point postgres.data_dir at an empty or missing directory");
        }
      }
      return new Uninitialized();
    } catch (IOException e) {
      throw new OperationException(
          "engine.data_dir_io",
          "could not read postgres.data_dir " + dir + ": " + e.getMessage(),
          "check the directory's permissions",
          e);
    }
  }

  /** Refuses a data directory made by another major version than the binaries'. */
  public static void requireMajor(State state, Path dir, int binariesMajor) {
    if (state instanceof Initialized initialized && initialized.major() != binariesMajor) {
      int major = initialized.major();
      throw new ConfigException(
          "engine.major_mismatch",
          "postgres.data_dir "
              + dir
              + " belongs to PostgreSQL "
              + major
              + " but the server binaries are PostgreSQL "
              + binariesMajor,
          "set postgres.bin_dir to a PostgreSQL "
              + major
              + " installation, or upgrade the data directory with pg_upgrade");
    }
  }

  /** The PID in postmaster.pid, if the file exists. */
  public Optional<Long> postmasterPid() {
    Path pidFile = dir.resolve("postmaster.pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
      if (lines.isEmpty()) {
        return Optional.of(-1L);
      }
      return Optional.of(Long.parseLong(lines.getFirst().strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.of(-1L);
    }
  }

  /**
   * Refuses to start when a live postmaster owns this directory; removes a stale postmaster.pid
   * (left by a crash, its PID dead or reused by an unrelated process).
   */
  public void clearStalePid() {
    if (postmasterPid().isEmpty()) {
      return;
    }
    requireNotRunning();
    removePidFile();
  }

  /**
   * Throws unless postmaster.pid's status line (the eighth) says {@code ready}. PostgreSQL writes
   * it when it starts accepting connections.
   */
  public void requireReadyStatus() throws IOException {
    List<String> lines =
        Files.readAllLines(dir.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
    if (lines.size() < 8 || !lines.get(7).strip().equals("ready")) {
      throw new IOException("postmaster.pid does not say ready yet");
    }
  }

  /** Refuses when a live postmaster owns this directory; changes nothing. */
  public void requireNotRunning() {
    Optional<Long> pid = postmasterPid();
    long p = pid.orElse(-1L);
    if (p > 0 && isPostgres(p)) {
      throw new OperationException(
          "engine.already_running",
          "a PostgreSQL server (pid " + p + ") is already running on postgres.data_dir " + dir,
          "stop it first (kill -INT " + p + "), or point data_dir elsewhere",
          null);
    }
  }

  private void removePidFile() {
    try {
      Files.deleteIfExists(dir.resolve("postmaster.pid"));
    } catch (IOException e) {
      throw new OperationException(
          "engine.stale_pid",
          "could not remove the stale " + dir.resolve("postmaster.pid") + ": " + e.getMessage(),
          "remove it by hand",
          e);
    }
  }

  private static boolean isPostgres(long pid) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .flatMap(h -> h.info().command())
        .map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
        .orElse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }
}
