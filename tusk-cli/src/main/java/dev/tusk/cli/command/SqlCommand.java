package dev.tusk.cli.command;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.cli.LocalServer;
import dev.tusk.cli.output.CsvRenderer;
import dev.tusk.cli.output.JsonRenderer;
import dev.tusk.cli.output.ResultRenderer;
import dev.tusk.cli.output.ResultSetReader;
import dev.tusk.cli.output.ResultTable;
import dev.tusk.cli.output.TableRenderer;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tusk sql}: run SQL against the platform's server and print the results. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Run SQL (or a file) and print a table, CSV or JSON.")
public final class SqlCommand implements Callable<Integer> {

  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(
      names = {"-d", "--database"},
      paramLabel = "DB",
      description = "database (default: the first configured one)")
  String database;

  @Option(
      names = {"-U", "--user"},
      paramLabel = "ROLE",
      description = "role to connect as (default: the superuser)")
  String user;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "read the SQL from FILE")
  Path file;

  @Parameters(arity = "0..1", paramLabel = "SQL", description = "the SQL to run")
  String sql;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--csv", description = "print CSV (RFC 4180)")
    boolean csv;

    @Option(names = "--json", description = "print a JSON array of objects")
    boolean json;
  }

  public SqlCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws IOException {
    String text = text();
    TuskConfig cfg = config.load(cli);
    String db =
        database != null
            ? database
            : cfg.databases().isEmpty() ? "postgres" : cfg.databases().getFirst().name();
    ResultRenderer renderer =
        format.csv ? new CsvRenderer() : format.json ? new JsonRenderer() : new TableRenderer();
    Writer out = new OutputStreamWriter(cli.out(), StandardCharsets.UTF_8);
    try (Connection c = LocalServer.connector(cfg, Optional.ofNullable(user)).open(db);
        Statement s = c.createStatement()) {
      boolean isResult = s.execute(text);
      while (true) {
        if (isResult) {
          try (ResultSet rs = s.getResultSet()) {
            renderer.render(ResultSetReader.read(rs), out);
          }
        } else {
          int count = s.getUpdateCount();
          if (count == -1) {
            break;
          }
          if (!format.csv) {
            renderer.render(
                ResultTable.command("OK, " + count + (count == 1 ? " row" : " rows") + " affected"),
                out);
          }
        }
        out.flush();
        isResult = s.getMoreResults();
      }
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        throw new OperationException(
            "sql.connect_failed",
            "could not connect to "
                + LocalServer.endpoint(cfg).host()
                + ":"
                + LocalServer.endpoint(cfg).port()
                + ": "
                + e.getMessage().lines().findFirst().orElse(""),
            "is tusk up running with this config? (tusk status)",
            e);
      }
      throw new OperationException(
          "sql.failed",
          "SQL failed in database " + db + ": " + e.getMessage().lines().findFirst().orElse(""),
          "check the statement; nothing after the failing statement ran",
          e);
    } finally {
      out.flush();
    }
    return 0;
  }

  private String text() throws IOException {
    if ((sql == null) == (file == null)) {
      throw new ConfigException(
          "sql.usage",
          "give either SQL or -f FILE, not both and not neither",
          "tusk sql \"select 1\" or tusk sql -f script.sql");
    }
    if (sql != null) {
      return sql;
    }
    Path f = cli.workingDir().resolve(file);
    if (!Files.isRegularFile(f)) {
      throw new ConfigException(
          "sql.no_file",
          "SQL file " + f + " does not exist or is not a file",
          "check the path given to -f");
    }
    if (Files.size(f) > MAX_FILE_BYTES) {
      throw new ConfigException(
          "sql.file_too_large",
          "SQL file " + f + " is larger than 64 MiB",
          "load large data with COPY instead");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ConfigException(
          "sql.encoding", "SQL file " + f + " is not valid UTF-8", "save it as UTF-8");
    }
  }
}
