package dev.tusk.migrate.tenant;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.error.TuskException;
import dev.tusk.migrate.ConnectionSource;
import dev.tusk.migrate.HistoryScope;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.Migrator;
import dev.tusk.migrate.RunResult;
import dev.tusk.migrate.UpOptions;
import dev.tusk.migrate.Version;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant operations on one database: create a tenant (provision, then apply the tenant
 * migrations to it), apply pending tenant migrations to every tenant, and list them. Each tenant's
 * migrations run with the ordinary {@link Migrator} (same files, planning, advisory lock and
 * per-migration transactions as the database's own), against its schema and with its own history
 * ({@link HistoryScope#tenant}).
 *
 * <p>{@code superuser} opens superuser connections to the migrations database: provisioning creates
 * roles, and the migrations switch to the migrations role themselves.
 */
public final class Tenants {

  private final ConnectionSource superuser;
  private final TenantSettings settings;
  private final Clock clock;

  public Tenants(ConnectionSource superuser, TenantSettings settings, Clock clock) {
    this.superuser = superuser;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Provisions {@code id} in one transaction, then applies {@code files} to it. An existing tenant
   * is refused ({@code tenant.exists}), or with {@code ifNotExists} reported and left alone.
   *
   * @param createdBy who ran the command, recorded in the registry
   */
  public TenantCreated create(
      TenantId id, MigrationSet files, String createdBy, boolean ifNotExists) {
    Provisioner.Provisioned p =
        new Provisioner(superuser, settings, clock).provision(id, createdBy, ifNotExists);
    if (!p.created()) {
      return new TenantCreated(p.tenant(), false, Optional.empty(), Optional.empty());
    }
    TenantOutcome migrations = migrate(p.tenant(), files, UpOptions.all());
    return new TenantCreated(p.tenant(), true, p.grantedTo(), Optional.of(migrations));
  }

  /**
   * Applies pending tenant migrations to every registered tenant, in id order, each under the
   * migration lock. A tenant that fails is reported and the next one runs.
   */
  public TenantsUpResult up(MigrationSet files, UpOptions options) {
    if (options.target().isPresent() && files.find(options.target().get()).isEmpty()) {
      throw new ConfigException(
          "migrate.unknown_target",
          "no tenant migration file has version " + options.target().get(),
          "give a version of a file in migrations.tenant_dir, or leave --to out to apply"
              + " everything");
    }
    List<TenantOutcome> outcomes = new ArrayList<>();
    for (Tenant t : read(TenantRegistry::all)) {
      outcomes.add(migrate(t, files, options));
    }
    return new TenantsUpResult(options.dryRun(), outcomes);
  }

  /** Every registered tenant with its version. */
  public TenantList list() {
    return read(
        c -> {
          Map<String, Version> versions = TenantRegistry.versions(c);
          return new TenantList(
              TenantRegistry.all(c).stream()
                  .map(
                      t ->
                          new TenantList.Entry(
                              t, Optional.ofNullable(versions.get(t.id().value()))))
                  .toList());
        });
  }

  private TenantOutcome migrate(Tenant t, MigrationSet files, UpOptions options) {
    HistoryScope scope = HistoryScope.tenant(t.id().value());
    ConnectionSource source =
        options.dryRun()
            ? TenantSource.reading(superuser, t)
            : TenantSource.writing(superuser, t, settings.migrationsRole());
    try {
      RunResult run = new Migrator(files, source, clock, scope).up(options);
      return TenantOutcome.ran(t.id(), run, version(t));
    } catch (TuskException e) {
      Optional<Version> at;
      try {
        at = version(t);
      } catch (TuskException unreadable) {
        e.addSuppressed(unreadable);
        at = Optional.empty();
      }
      return TenantOutcome.failed(t.id(), e, at);
    }
  }

  private Optional<Version> version(Tenant t) {
    return read(c -> Optional.ofNullable(TenantRegistry.versions(c).get(t.id().value())));
  }

  /** A read on one superuser connection. */
  private <T> T read(Query<T> query) {
    try (Connection c = superuser.open()) {
      return query.run(c);
    } catch (SQLException e) {
      throw new OperationException(
          "tenant.database_error",
          "could not read the tenants: " + e.getMessage(),
          "check that tusk up is running and the migrations database is reachable",
          e);
    }
  }

  @FunctionalInterface
  private interface Query<T> {
    T run(Connection c) throws SQLException;
  }
}
