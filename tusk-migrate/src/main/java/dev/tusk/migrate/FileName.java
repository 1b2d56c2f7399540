package dev.tusk.migrate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a migration file's name says: the up or down half of a versioned migration ({@code
 * V<version>__<name>.up.sql}, {@code .down.sql}) or a repeatable one ({@code R__<name>.sql}). Names
 * are letters, digits, {@code _} and {@code -}; anything else (a dot, a space, a lower-case {@code
 * v}, a single underscore) makes the whole name invalid rather than quietly skipped, because a
 * migration that is silently ignored is worse than an error.
 */
sealed interface FileName {

  String HINT =
      "name versioned migrations V<version>__<name>.up.sql and V<version>__<name>.down.sql"
          + " (e.g. V1__create_users.up.sql, V20260101120000__add_email.down.sql)"
          + " and repeatable ones R__<name>.sql; names use letters, digits, _ and -";

  Pattern VERSIONED =
      Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__([\\p{L}\\p{N}_-]{1,200})\\.(up|down)\\.sql");
  Pattern REPEATABLE = Pattern.compile("R__([\\p{L}\\p{N}_-]{1,200})\\.sql");

  String fileName();

  /** One half of a versioned migration. */
  record Versioned(String fileName, Version version, String name, boolean up) implements FileName {}

  /** A repeatable migration. */
  record Repeatable(String fileName, String name) implements FileName {}

  /** Whether the directory entry is meant as a migration at all: {@code *.sql}, any case. */
  static boolean looksLikeMigration(String fileName) {
    return !fileName.startsWith(".")
        && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".sql");
  }

  /** The parsed name, or empty when it follows neither pattern. */
  static Optional<FileName> parse(String fileName) {
    Matcher v = VERSIONED.matcher(fileName);
    if (v.matches() && Version.isValid(v.group(1))) {
      return Optional.of(
          new Versioned(fileName, Version.parse(v.group(1)), v.group(2), v.group(3).equals("up")));
    }
    Matcher r = REPEATABLE.matcher(fileName);
    if (r.matches()) {
      return Optional.of(new Repeatable(fileName, r.group(1)));
    }
    return Optional.empty();
  }
}
