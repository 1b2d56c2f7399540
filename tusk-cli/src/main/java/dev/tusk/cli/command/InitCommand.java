package dev.tusk.cli.command;

import dev.tusk.cli.Cli;
import dev.tusk.cli.scaffold.Scaffold;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tusk init [DIR]}: scaffold a project. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Scaffold tusk.yaml, migrations/, sql/ and .gitignore in DIR.")
public final class InitCommand implements Callable<Integer> {

  private final Cli cli;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR",
      description = "directory (default: the current one)")
  Path dir;

  public InitCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Path target = dir == null ? cli.workingDir() : cli.workingDir().resolve(dir);
    Scaffold.Result r = new Scaffold().create(target);
    cli.out().println("created in " + r.dir() + ":");
    r.files().forEach(f -> cli.out().println("  " + r.dir().relativize(f)));
    cli.out().println("next: cd " + r.dir() + " && tusk up");
    return 0;
  }
}
