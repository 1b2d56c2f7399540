package dev.tusk.migrate;

import java.util.Optional;

/** One planned unit of work: one script run in one transaction (unless it opted out). */
sealed interface Step {

  SqlScript script();

  String label();

  Optional<Version> version();

  String name();

  /** Apply a pending versioned migration. */
  record Up(VersionedMigration migration) implements Step {
    @Override
    public SqlScript script() {
      return migration.up();
    }

    @Override
    public String label() {
      return migration.label();
    }

    @Override
    public Optional<Version> version() {
      return Optional.of(migration.version());
    }

    @Override
    public String name() {
      return migration.name();
    }
  }

  /** Revert an applied versioned migration with its down file. */
  record Down(VersionedMigration migration, SqlScript downScript) implements Step {
    @Override
    public SqlScript script() {
      return downScript;
    }

    @Override
    public String label() {
      return migration.label();
    }

    @Override
    public Optional<Version> version() {
      return Optional.of(migration.version());
    }

    @Override
    public String name() {
      return migration.name();
    }
  }

  /** Apply a repeatable migration that is new or whose checksum changed. */
  record Repeat(RepeatableMigration migration) implements Step {
    @Override
    public SqlScript script() {
      return migration.script();
    }

    @Override
    public String label() {
      return migration.label();
    }

    @Override
    public Optional<Version> version() {
      return Optional.empty();
    }

    @Override
    public String name() {
      return migration.name();
    }
  }
}
