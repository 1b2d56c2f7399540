package dev.tusk.cli.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.core.error.ConfigException;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.ValidateResult;
import dev.tusk.migrate.drift.ReplayResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tusk migrate validate}: exit 1 when the files and the history disagree; reads only. With
 * {@code --replay} it also checks on a scratch database that every down file reverses its up file
 * (the CI gate); the database itself is still only read.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check the files against the history; exit 1 on edited, missing or failed ones. --replay"
            + " also checks each down file on a scratch database.")
public final class MigrateValidate implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(
      names = "--allow-out-of-order",
      description = "accept pending versions older than the latest applied one")
  boolean allowOutOfOrder;

  @Option(
      names = "--replay",
      description =
          "also apply each migration, its down file and the up file again on a scratch database,"
              + " and fail when the down file does not give back the schema from before")
  boolean replay;

  @Option(
      names = "--scratch-url",
      paramLabel = "URL",
      description = "with --replay: an existing empty database to use (left in place)")
  String scratchUrl;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public MigrateValidate(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    if (scratchUrl != null && !replay) {
      throw new ConfigException(
          "migrate.scratch_url_without_replay",
          "--scratch-url is only used by validate --replay",
          "add --replay, or leave --scratch-url out");
    }
    MigrateProject project = MigrateProject.load(cli, config);
    boolean outOfOrder = allowOutOfOrder || project.migrations().allowOutOfOrder();
    MigrationSet files = project.scan();
    // A bad --scratch-url is a usage error (exit 2) before anything connects.
    Optional<ScratchWiring> wiring =
        replay
            ? Optional.of(ScratchWiring.of(project, Optional.ofNullable(scratchUrl)))
            : Optional.empty();
    ValidateResult result =
        project.migrator(MigrateProject.Access.READ, files).validate(outOfOrder);
    if (wiring.isEmpty()) {
      Reports.print(cli, result, json);
      return result.ok() ? 0 : 1;
    }
    ReplayResult replayed = wiring.get().replay(files).run();
    boolean ok = result.ok() && replayed.ok();
    ObjectNode doc = result.toJson();
    doc.put("ok", ok);
    doc.set("replay", replayed.toJson());
    Reports.print(cli, result.toText() + replayed.toText(), doc.toPrettyString(), json);
    return ok ? 0 : 1;
  }
}
