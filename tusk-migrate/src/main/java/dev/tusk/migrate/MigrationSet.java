package dev.tusk.migrate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every migration in a directory, checked and split: versioned ones in version order, repeatable
 * ones in name order. Built by {@link MigrationScanner}; an empty set is valid (a new project).
 */
public record MigrationSet(
    List<VersionedMigration> versioned, List<RepeatableMigration> repeatable) {

  public MigrationSet {
    versioned =
        versioned.stream().sorted(Comparator.comparing(VersionedMigration::version)).toList();
    repeatable =
        repeatable.stream().sorted(Comparator.comparing(RepeatableMigration::name)).toList();
  }

  public Optional<VersionedMigration> find(Version version) {
    return versioned.stream().filter(m -> m.version().compareTo(version) == 0).findFirst();
  }

  public Optional<RepeatableMigration> findRepeatable(String name) {
    return repeatable.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
