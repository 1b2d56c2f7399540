package dev.tusk.migrate;

import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code tusk migrate new}: the up/down pair of a new versioned migration, holding only comments
 * (the scanner refuses a file without SQL, so an unedited pair cannot be applied by accident).
 * Versions are the next integer after the highest file's, or a UTC timestamp for teams whose
 * branches would otherwise pick the same number. Only file names are read: a directory with a bad
 * file still gets its new pair, and the scanner reports the bad file at the next run.
 */
public final class NewMigration {

  /** What {@code migrate new} accepts as a name: stricter than the scanner, for tidy names. */
  static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,100}");

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  /** The files written. */
  public record Created(Version version, Path up, Path down) {}

  private NewMigration() {}

  /** The version after the highest in {@code existing}: its first segment plus one; 1 for none. */
  public static Version next(List<Version> existing) {
    return existing.stream()
        .max(Version::compareTo)
        .map(v -> new Version(List.of(v.segments().get(0).add(BigInteger.ONE))))
        .orElse(new Version(List.of(BigInteger.ONE)));
  }

  /** {@code yyyyMMddHHmmss} of {@code at} in UTC. */
  public static Version timestamp(Instant at) {
    return Version.parse(STAMP.format(at));
  }

  /** The versions of the versioned files in {@code dir}, by name only. */
  public static List<Version> versions(Path dir) {
    requireDirectory(dir);
    List<Version> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.forEach(
          p ->
              FileName.parse(p.getFileName().toString())
                  .ifPresent(
                      n -> {
                        if (n instanceof FileName.Versioned v) {
                          out.add(v.version());
                        }
                      }));
    } catch (IOException e) {
      throw new ConfigException(
          "migrate.read_failed",
          "could not read the migrations directory " + dir + ": " + e.getMessage(),
          "check that the directory is readable");
    }
    return out;
  }

  /**
   * Writes {@code V<version>__<name>.up.sql} and {@code .down.sql}; {@code version} empty means the
   * next integer. Never overwrites: a taken version is an error and nothing is written.
   */
  public static Created create(Path dir, String name, Optional<Version> version) {
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException(
          "migrate.bad_name",
          "'"
              + shown(name)
              + "' is not a migration name: use 1-100 lower-case letters, digits and _",
          "name the change, such as add_email or create_orders");
    }
    List<Version> existing = versions(dir);
    Version v = version.orElseGet(() -> next(existing));
    if (existing.stream().anyMatch(e -> e.compareTo(v) == 0)) {
      throw new ConfigException(
          "migrate.duplicate_version",
          "version " + v + " is already used by a file in " + dir,
          "leave out the version to take the next free one, or wait a second for --timestamp");
    }
    String base = "V" + v + "__" + name;
    Path up = dir.resolve(base + ".up.sql");
    Path down = dir.resolve(base + ".down.sql");
    write(up, upTemplate(v, name));
    try {
      write(down, downTemplate(v, name, up.getFileName().toString()));
    } catch (RuntimeException e) {
      try {
        Files.deleteIfExists(up);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return new Created(v, up, down);
  }

  private static String upTemplate(Version v, String name) {
    return "-- V"
        + v
        + " "
        + name
        + " (up). Write the change below; it runs in one transaction with its history row.\n"
        + "-- For CREATE INDEX CONCURRENTLY and the like, make the first line of this file:\n"
        + "--   -- tusk:no-transaction\n";
  }

  private static String downTemplate(Version v, String name, String upFile) {
    return "-- V"
        + v
        + " "
        + name
        + " (down). Undo what "
        + upFile
        + " does, so that up, down, up ends where up did.\n"
        + "-- Delete this file if the change cannot be undone: tusk migrate down then refuses.\n";
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw new ConfigException(
          "migrate.file_exists",
          file + " already exists",
          "choose another name, or remove the file if it is a leftover");
    } catch (IOException e) {
      throw new ConfigException(
          "migrate.write_failed",
          "could not write " + file + ": " + e.getMessage(),
          "check that the migrations directory is writable");
    }
  }

  static void requireDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          "migrate.no_directory",
          "the migrations directory " + dir + " does not exist or is not a directory",
          "create it (mkdir, or tusk init) or point migrations.dir at the right place");
    }
  }

  private static String shown(String s) {
    String clean =
        s.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f) ? s : s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
  }
}
