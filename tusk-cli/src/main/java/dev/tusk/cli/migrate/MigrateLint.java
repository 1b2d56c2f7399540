package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.cli.LocalServer;
import dev.tusk.core.config.ApiConfig;
import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.TuskException;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.lint.DatabaseTableSizes;
import dev.tusk.migrate.lint.LintResult;
import dev.tusk.migrate.lint.Linter;
import dev.tusk.migrate.lint.TableSizes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tusk migrate lint}: checks the migration files for risky SQL without running them. Exit 0
 * with warnings only, 1 on an error-level finding (or any finding with {@code --strict}), 2 on bad
 * usage, config or files. Table sizes come from the running server when it answers; when it does
 * not, lint says so on stderr in one line and checks offline rather than failing, since most of the
 * rules need no database.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description =
        "Check the migration files for risky SQL: tables exposed without RLS, SECURITY DEFINER"
            + " without search_path, timestamp without time zone, DROP COLUMN, column type"
            + " changes, blocking index builds. Rules: rls-missing, security-definer-search-path,"
            + " timestamp-without-tz, drop-column, alter-column-type, index-not-concurrent,"
            + " needs-no-transaction, bad-suppression. Suppress one on a statement with a comment"
            + " before it: -- tusk-lint-ignore <rule>[, <rule>].")
public final class MigrateLint implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(names = "--strict", description = "treat warnings as errors (exit 1 on any finding)")
  boolean strict;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  @Option(names = "--offline", description = "do not connect; any table may be large")
  boolean offline;

  @Option(
      names = "--large-table-rows",
      paramLabel = "N",
      description = "a table with more estimated rows than N is large (default: 10000)")
  long largeTableRows = Linter.DEFAULT_LARGE_TABLE_ROWS;

  public MigrateLint(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    if (largeTableRows < 0) {
      throw new ConfigException(
          "migrate.bad_large_table_rows",
          "--large-table-rows must be 0 or more, not " + largeTableRows,
          "give a row count, such as --large-table-rows 10000");
    }
    MigrateProject project = MigrateProject.load(cli, config);
    MigrationSet files = project.scan();
    List<String> exposed = exposedSchemas(project);
    Optional<Connection> connection = offline ? Optional.empty() : connect(project);
    LintResult result;
    try {
      TableSizes sizes =
          connection.<TableSizes>map(DatabaseTableSizes::new).orElseGet(TableSizes::offline);
      result = new Linter(exposed, sizes, largeTableRows).lint(files);
    } finally {
      connection.ifPresent(MigrateLint::close);
    }
    UnaryOperator<String> path = f -> project.shown(project.dir().resolve(f));
    cli.out()
        .print(
            json
                ? result.toJson(strict, path).toPrettyString() + "\n"
                : result.toText(strict, path));
    cli.out().flush();
    return result.failed(strict) ? 1 : 0;
  }

  /**
   * The schemas the REST API serves from the migrations' database: those of an enabled {@code api}
   * section whose database is that one; none otherwise.
   */
  static List<String> exposedSchemas(MigrateProject project) {
    return project
        .config()
        .api()
        .filter(ApiConfig::enabled)
        .filter(a -> a.database().equals(project.migrations().database()))
        .map(ApiConfig::schemas)
        .orElse(List.of());
  }

  private Optional<Connection> connect(MigrateProject project) {
    try {
      return Optional.of(
          ServerSource.of(
                  LocalServer.connector(project.config(), Optional.empty()),
                  project.migrations().database())
              .open());
    } catch (TuskException | SQLException e) {
      String reason =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      cli.err()
          .println(
              "lint: no table sizes from the server ("
                  + reason
                  + "); checking offline, where every index on a table the file does not create"
                  + " counts as possibly large");
      return Optional.empty();
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // nothing was written; the server drops the session either way
    }
  }
}
