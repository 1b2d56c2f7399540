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
}
