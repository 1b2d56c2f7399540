package dev.tusk.cli;

import dev.tusk.cli.command.ConfigCommand;
import dev.tusk.cli.command.InitCommand;
import dev.tusk.cli.command.MigrateCommand;
import dev.tusk.cli.command.ServeCommand;
import dev.tusk.cli.command.SqlCommand;
import dev.tusk.cli.command.StatusCommand;
import dev.tusk.cli.command.TenantCommand;
import dev.tusk.cli.command.TokenCommand;
import dev.tusk.cli.command.UpCommand;
import dev.tusk.core.error.ErrorRenderer;
import dev.tusk.core.error.TuskException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tusk}: the command line. Exit codes: 0 success, 1 the operation failed, 2 bad usage or
 * config.
 */
@Command(
    name = "tusk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A self-hosted PostgreSQL data platform in one program.",
    subcommands = {
      InitCommand.class,
      UpCommand.class,
      StatusCommand.class,
      SqlCommand.class,
      TokenCommand.class,
      ServeCommand.class,
      MigrateCommand.class,
      TenantCommand.class,
      ConfigCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    Cli cli =
        new Cli(
            System.getenv(),
            Path.of("").toAbsolutePath(),
            System.out,
            System.err,
            Clock.systemUTC());
    System.exit(run(cli, args));
  }

  /** Runs one command line and returns its exit code; never calls System.exit. */
  public static int run(Cli cli, String... args) {
    CommandLine cmd = new CommandLine(new Main(), new Factory(cli));
    cmd.setOut(new PrintWriter(cli.out(), true));
    cmd.setErr(new PrintWriter(cli.err(), true));
    cmd.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof TuskException t) {
            cli.err().println(ErrorRenderer.render(t));
            return t.exitCode();
          }
          cli.err().println("error: " + e);
          e.printStackTrace(cli.err());
          return 1;
        });
    return cmd.execute(args);
  }

  /** Gives commands the {@link Cli} through their constructor. */
  private record Factory(Cli cli) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(Cli.class).newInstance(cli);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
