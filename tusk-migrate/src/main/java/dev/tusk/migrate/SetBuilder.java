package dev.tusk.migrate;

import dev.tusk.core.error.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pure half of {@link MigrationScanner}: names, text, statements, then the versions as a whole.
 * Collects problems instead of stopping at the first.
 */
final class SetBuilder {

  private record Parsed(FileName name, SqlScript script, String checksum) {}

  private final List<ConfigException> problems;

  SetBuilder(List<ConfigException> problems) {
    this.problems = problems;
  }

  MigrationSet build(List<SourceFile> files) {
    Map<Version, List<Parsed>> byVersion = new TreeMap<>();
    List<RepeatableMigration> repeatable = new ArrayList<>();
    for (SourceFile f : files.stream().sorted(Comparator.comparing(SourceFile::name)).toList()) {
      Optional<Parsed> parsed = parse(f);
      if (parsed.isEmpty()) {
        continue;
      }
      Parsed p = parsed.get();
      switch (p.name()) {
        case FileName.Versioned v ->
            byVersion.computeIfAbsent(v.version(), k -> new ArrayList<>()).add(p);
        case FileName.Repeatable r ->
            repeatable.add(new RepeatableMigration(r.name(), p.script(), p.checksum()));
      }
    }
    List<VersionedMigration> versioned = new ArrayList<>();
    byVersion.forEach((version, parts) -> assemble(version, parts).ifPresent(versioned::add));
    if (!problems.isEmpty()) {
      throw MigrationScanner.combine(problems);
    }
    return new MigrationSet(versioned, repeatable);
  }

  private Optional<Parsed> parse(SourceFile f) {
    Optional<FileName> name = FileName.parse(f.name());
    if (name.isEmpty()) {
      problems.add(
          new ConfigException(
              "migrate.bad_name",
              "'" + f.name() + "' is not a migration file name",
              FileName.HINT));
      return Optional.empty();
    }
    try {
      byte[] bytes = Checksum.normaliseLineEnds(f.bytes());
      SqlScript script = SqlSplitter.split(f.name(), SourceText.decode(f.name(), bytes));
      if (script.statements().isEmpty()) {
        throw new ConfigException(
            "migrate.empty_file",
            f.name() + " holds no SQL statement (only whitespace or comments)",
            "write the migration's SQL in it, or delete the file");
      }
      TransactionControl.check(script);
      return Optional.of(new Parsed(name.get(), script, Checksum.sha256(bytes)));
    } catch (ConfigException e) {
      problems.add(e);
      return Optional.empty();
    }
  }

  private Optional<VersionedMigration> assemble(Version version, List<Parsed> parts) {
    List<Parsed> ups = parts.stream().filter(p -> ((FileName.Versioned) p.name()).up()).toList();
    List<Parsed> downs = parts.stream().filter(p -> !((FileName.Versioned) p.name()).up()).toList();
    if (ups.size() > 1 || downs.size() > 1) {
      problems.add(
          new ConfigException(
              "migrate.duplicate_version",
              "version " + version + " is used by several files: " + fileNames(parts),
              "give each migration its own version; versions compare as numbers, so V1 and V01"
                  + " are the same"));
      return Optional.empty();
    }
    if (ups.isEmpty()) {
      problems.add(
          new ConfigException(
              "migrate.missing_up",
              downs.get(0).name().fileName() + " has no matching up file",
              "add V" + version + "__<name>.up.sql, or delete the down file"));
      return Optional.empty();
    }
    FileName.Versioned up = (FileName.Versioned) ups.get(0).name();
    if (!downs.isEmpty() && !((FileName.Versioned) downs.get(0).name()).name().equals(up.name())) {
      problems.add(
          new ConfigException(
              "migrate.name_mismatch",
              "the up and down files of version "
                  + version
                  + " have different names: "
                  + fileNames(parts),
              "rename one so both read V" + version + "__" + up.name()));
      return Optional.empty();
    }
    Optional<SqlScript> down = downs.stream().findFirst().map(Parsed::script);
    return Optional.of(
        new VersionedMigration(
            version, up.name(), ups.get(0).script(), ups.get(0).checksum(), down));
  }

  private static String fileNames(List<Parsed> parts) {
    return String.join(", ", parts.stream().map(p -> p.name().fileName()).toList());
  }
}
