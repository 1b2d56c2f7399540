package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import dev.tusk.migrate.MigrationScanner;
import dev.tusk.migrate.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Builds migration sets from text and lints them, for the rule tests. */
final class Lint {

  private Lint() {}

  /** Offline, nothing exposed: {@code files} alternate file name and text. */
  static LintResult run(String... files) {
    return run(List.of(), TableSizes.offline(), files);
  }

  /** Offline, with {@code exposed} schemas. */
  static LintResult exposing(List<String> exposed, String... files) {
    return run(exposed, TableSizes.offline(), files);
  }

  static LintResult run(List<String> exposed, TableSizes sizes, String... files) {
    List<SourceFile> sources = new ArrayList<>();
    for (int i = 0; i < files.length; i += 2) {
      sources.add(SourceFile.of(files[i], files[i + 1]));
    }
    return new Linter(exposed, sizes, Linter.DEFAULT_LARGE_TABLE_ROWS)
        .lint(MigrationScanner.parse(sources));
  }

  /** The error the splitter refuses a file with, so lint never sees it; null if it accepts it. */
  static ConfigException refused(String file, String text) {
    return catchThrowableOfType(
        ConfigException.class, () -> MigrationScanner.parse(List.of(SourceFile.of(file, text))));
  }

  /** Each finding as {@code file:line:column rule}. */
  static List<String> found(LintResult r) {
    return r.findings().stream()
        .map(f -> f.file() + ":" + f.line() + ":" + f.column() + " " + f.rule().id())
        .toList();
  }

  /** Each finding's rule id. */
  static List<String> rules(LintResult r) {
    return r.findings().stream().map(f -> f.rule().id()).toList();
  }

  /** The single finding's message. */
  static String message(LintResult r) {
    if (r.findings().size() != 1) {
      throw new AssertionError("expected one finding, got " + found(r));
    }
    return r.findings().get(0).message();
  }

  /** Sizes that answer the same for every table. */
  static TableSizes sizes(TableSize size) {
    return new TableSizes() {
      @Override
      public TableSize of(String schema, String table) {
        return size;
      }

      @Override
      public boolean connected() {
        return true;
      }
    };
  }
}
