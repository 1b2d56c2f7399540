package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.migrate.MigrateReport;

/** Prints a migrate report: the readable text, or with {@code --json} the JSON document. */
final class Reports {

  private Reports() {}

  static void print(Cli cli, MigrateReport report, boolean json) {
    cli.out().print(json ? report.toJsonText() + "\n" : report.toText());
    cli.out().flush();
  }

  /** The same for a report that is not a {@link MigrateReport} (drift, replay). */
  static void print(Cli cli, String text, String jsonText, boolean json) {
    cli.out().print(json ? jsonText + "\n" : text);
    cli.out().flush();
  }
}
