package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.migrate.NewMigration;
import dev.tusk.migrate.Version;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tusk migrate new NAME}: the up/down pair of a new migration; needs no server. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = "Create V<next>__NAME.up.sql and .down.sql in the migrations directory.")
public final class MigrateNew implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Parameters(paramLabel = "NAME", description = "what the migration does: [a-z0-9_]+")
  String name;

  @Option(
      names = "--timestamp",
      description = "version the migration with the UTC time (yyyyMMddHHmmss) instead")
  boolean timestamp;

  public MigrateNew(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    MigrateProject project = MigrateProject.load(cli, config);
    Optional<Version> version =
        timestamp ? Optional.of(NewMigration.timestamp(cli.clock().instant())) : Optional.empty();
    NewMigration.Created created = NewMigration.create(project.dir(), name, version);
    cli.out().println("Created " + project.shown(created.up()));
    cli.out().println("Created " + project.shown(created.down()));
    cli.out()
        .println(
            "Write the SQL in both files (a file with only comments is refused), then run: tusk"
                + " migrate up");
    return 0;
  }
}
