package dev.tusk.cli;

import dev.tusk.engine.binaries.BinaryResolver;
import picocli.CommandLine;

/** {@code tusk --version}: Tusk's version and the embedded PostgreSQL's. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String tusk = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "tusk " + (tusk == null ? "development build" : tusk),
      "embedded PostgreSQL " + BinaryResolver.embeddedVersion().text()
    };
  }
}
