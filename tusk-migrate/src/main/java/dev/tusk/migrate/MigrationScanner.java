package dev.tusk.migrate;

import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a migrations directory into a {@link MigrationSet}, or fails listing every bad file:
 * invalid names, non-UTF-8 or empty files, SQL the splitter cannot split, duplicate versions, down
 * files without an up file. Checking everything first means a bad file is found before anything
 * runs, and one run reports all problems rather than one per attempt.
 *
 * <p>{@link #scan} is the only disk access (list, size, read); {@link #parse} is pure. Only {@code
 * *.sql} entries count (any case, so {@code V1__x.SQL} is reported, not skipped); other files, dot
 * files and subdirectories are ignored.
 */
public final class MigrationScanner {

  /** Files larger than this are refused rather than read into memory. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final long maxFileBytes;

  public MigrationScanner() {
    this(DEFAULT_MAX_FILE_BYTES);
  }

  public MigrationScanner(long maxFileBytes) {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
    }
    this.maxFileBytes = maxFileBytes;
  }

  /** Reads and parses every migration file in {@code dir}. */
  public MigrationSet scan(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          "migrate.no_directory",
          "the migrations directory " + dir + " does not exist or is not a directory",
          "create it (tusk init does) or point migrations.dir at the right place");
    }
    List<SourceFile> files = new ArrayList<>();
    List<ConfigException> problems = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted(Comparator.comparing(Path::toString)).toList()) {
        String name = p.getFileName().toString();
        if (!FileName.looksLikeMigration(name) || !Files.isRegularFile(p)) {
          continue;
        }
        long size = Files.size(p);
        if (size > maxFileBytes) {
          problems.add(
              new ConfigException(
                  "migrate.file_too_large",
                  name + " is " + size + " bytes, over the limit of " + maxFileBytes,
                  "split it into several migrations, or load bulk data outside migrations"));
          continue;
        }
        files.add(new SourceFile(name, Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new ConfigException(
          "migrate.read_failed",
          "could not read the migrations directory " + dir + ": " + e.getMessage(),
          "check that the directory and its files are readable");
    }
    return new SetBuilder(problems).build(files);
  }

  /** Parses files already in memory. */
  public static MigrationSet parse(List<SourceFile> files) {
    return new SetBuilder(new ArrayList<>()).build(files);
  }

  /** One problem as itself, several as one error that lists them all. */
  static ConfigException combine(List<ConfigException> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder detail = new StringBuilder();
    for (ConfigException p : problems) {
      if (!detail.isEmpty()) {
        detail.append("\n  ");
      }
      detail.append(p.getMessage()).append(" (").append(p.code()).append(')');
    }
    return new ConfigException(
        "migrate.invalid_files",
        problems.size()
            + " problems in the migration files, first: "
            + problems.get(0).getMessage(),
        detail.toString(),
        "fix each file listed; nothing was applied");
  }
}
