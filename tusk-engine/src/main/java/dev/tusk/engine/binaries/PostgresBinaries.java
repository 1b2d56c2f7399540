package dev.tusk.engine.binaries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL installation that Tusk can run: where its programs are and which version they are.
 * It is either the embedded archive unpacked into the cache or a system installation named by
 * {@code postgres.bin_dir}; callers never need to know which.
 *
 * @param binDir the directory holding {@code postgres}, {@code initdb} and {@code pg_ctl}
 * @param version the PostgreSQL version, e.g. {@code 18.3} or {@code 18beta1}
 * @param major the major version, e.g. {@code 18}
 */
public record PostgresBinaries(Path binDir, String version, int major) {

  /** The programs Tusk runs; every installation it accepts has all of them. */
  public static final List<String> REQUIRED_PROGRAMS = List.of("postgres", "initdb", "pg_ctl");

  /** A program of this installation, e.g. {@code bin("initdb")}. */
  public Path bin(String name) {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("not a program name: " + name);
    }
    return binDir.resolve(name);
  }

  /**
   * The directory with {@code postgres.bki} and {@code extension/}: {@code share/postgresql} in the
   * embedded layout, {@code <prefix>/share/postgresql/<major>} for a Debian-style {@code
   * <prefix>/lib/postgresql/<major>/bin}. Empty when neither exists (ask {@code pg_config}).
   */
  public Optional<Path> shareDir() {
    return firstWith("postgres.bki", candidates("share"));
  }

  /**
   * The directory with {@code plpgsql.so} and the other server modules, found like {@link
   * #shareDir}.
   */
  public Optional<Path> libDir() {
    return firstWith("plpgsql.so", candidates("lib"));
  }

  private List<Path> candidates(String kind) {
    Path home = binDir.toAbsolutePath().normalize().getParent();
    if (home == null) {
      return List.of();
    }
    Path own = home.resolve(kind);
    Path debian = home.getParent() == null ? null : home.getParent().getParent();
    if (debian != null
        && debian.getFileName() != null
        && debian.getFileName().toString().equals("lib")
        && debian.getParent() != null) {
      // <prefix>/lib/postgresql/<major>/bin: share is <prefix>/share/postgresql/<major>
      Path debianShare =
          debian.getParent().resolve("share").resolve("postgresql").resolve(home.getFileName());
      return kind.equals("share")
          ? List.of(own.resolve("postgresql"), own, debianShare)
          : List.of(own.resolve("postgresql"), own);
    }
    return List.of(own.resolve("postgresql"), own);
  }

  private static Optional<Path> firstWith(String file, List<Path> dirs) {
    return dirs.stream().filter(d -> Files.isRegularFile(d.resolve(file))).findFirst();
  }
}
