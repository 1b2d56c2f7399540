package dev.tusk.migrate.tenant;

import dev.tusk.core.error.OperationException;
import dev.tusk.migrate.ConnectionSource;
import dev.tusk.migrate.HistoryAccess;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Creates a tenant's role, schema and grants and registers it, in one transaction as the superuser
 * under the migration lock: either all of it exists afterwards or none of it. It refuses a role or
 * schema of the tenant's name that is not registered as this tenant, whoever made it: adopting a
 * role would hand the tenant whatever that role can already do (a superuser, another database's
 * tenant), and adopting a schema would expose its tables.
 *
 * <p>The tenant role is NOLOGIN and holds only USAGE on its schema and, through default privileges
 * for the migrations role (which owns the schema and creates everything in it), SELECT, INSERT,
 * UPDATE and DELETE on its tables, USAGE and SELECT on its sequences and EXECUTE on its functions.
 * It cannot create objects, and it has no right on any other tenant's schema: PUBLIC's rights on
 * each tenant schema are revoked.
 */
final class Provisioner {

  /** A tenant role is a plain group role, whatever the server's defaults. */
  private static final String ROLE_ATTRIBUTES =
      "NOLOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

  /** What provisioning did: the tenant, whether it is new, and who may switch to its role. */
  record Provisioned(Tenant tenant, boolean created, Optional<String> grantedTo) {}

  private final ConnectionSource superuser;
  private final TenantSettings settings;
  private final Clock clock;

  Provisioner(ConnectionSource superuser, TenantSettings settings, Clock clock) {
    this.superuser = superuser;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Provisions {@code id}. A registered tenant is refused ({@code tenant.exists}), or with {@code
   * ifNotExists} returned unchanged.
   */
  Provisioned provision(TenantId id, String createdBy, boolean ifNotExists) {
    try (Connection c = superuser.open()) {
      c.setAutoCommit(false);
      try {
        Provisioned p = provision(c, id, createdBy, ifNotExists);
        c.commit();
        return p;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new OperationException(
          "tenant.provision_failed",
          "could not create tenant " + id + ": " + firstLine(e) + "; nothing was created",
          "check that tusk up is running and that the superuser can create roles",
          e);
    }
  }

  private Provisioned provision(Connection c, TenantId id, String createdBy, boolean ifNotExists)
      throws SQLException {
    HistoryAccess.lockTransaction(c);
    TenantRegistry.create(c);
    Optional<Tenant> registered = TenantRegistry.find(c, id);
    if (registered.isPresent()) {
      if (ifNotExists) {
        return new Provisioned(registered.get(), false, Optional.empty());
      }
      throw new OperationException(
          "tenant.exists",
          "tenant "
              + id
              + " exists (created "
              + registered.get().createdAt()
              + "); nothing changed",
          "use tusk migrate up --tenants to apply new tenant migrations, or --if-not-exists to"
              + " accept an existing tenant");
    }
    String database = Sql.strings(c, "SELECT current_database()").getFirst();
    refuseForeignRole(c, id, database);
    refuseForeignSchema(c, id);
    requireRole(c, settings.migrationsRole(), "the migrations role (migrations.as_role)");
    if (settings.apiRole().isPresent()) {
      requireRole(c, settings.apiRole().get(), "the REST API's login role (api.user)");
    }

    String role = id.role();
    String schema = id.schema();
    String owner = settings.migrationsRole();
    Sql.exec(c, "CREATE ROLE %I " + ROLE_ATTRIBUTES, role);
    Sql.exec(
        c,
        "COMMENT ON ROLE %I IS %L",
        role,
        "Tusk tenant " + id + " of database " + database + " (tusk tenant create)");
    Sql.exec(c, "CREATE SCHEMA %I AUTHORIZATION %I", schema, owner);
    Sql.exec(c, "REVOKE ALL ON SCHEMA %I FROM PUBLIC", schema);
    Sql.exec(c, "GRANT USAGE ON SCHEMA %I TO %I", schema, role);
    for (String grant :
        List.of(
            "SELECT, INSERT, UPDATE, DELETE ON TABLES",
            "USAGE, SELECT ON SEQUENCES",
            "EXECUTE ON FUNCTIONS")) {
      Sql.exec(
          c,
          "ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT " + grant + " TO %I",
          owner,
          schema,
          role);
    }
    if (settings.apiRole().isPresent()) {
      // From PostgreSQL 16 a membership can allow SET ROLE without inheriting: the API's login
      // role then never holds a tenant's rights unless a request switched to that tenant.
      String options = serverVersion(c) >= 160000 ? " WITH INHERIT FALSE, SET TRUE" : "";
      Sql.exec(c, "GRANT %I TO %I" + options, role, settings.apiRole().get());
    }
    // Microseconds, as timestamptz stores it, so what create prints is what list shows later.
    Tenant tenant = new Tenant(id, clock.instant().truncatedTo(ChronoUnit.MICROS), createdBy);
    TenantRegistry.insert(c, tenant);
    return new Provisioned(tenant, true, settings.apiRole());
  }

  private static void refuseForeignRole(Connection c, TenantId id, String database)
      throws SQLException {
    List<String> found =
        Sql.strings(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = ?", id.role());
    if (found.isEmpty()) {
      return;
    }
    boolean superuser = Boolean.parseBoolean(found.getFirst());
    throw new OperationException(
        "tenant.role_exists",
        "a role named "
            + id.role()
            + " already exists"
            + (superuser ? " (a superuser)" : "")
            + ", but tenant "
            + id
            + " is not registered in database "
            + database
            + "; Tusk never adopts an existing role, so nothing was created",
        "choose another tenant id, or drop or rename that role if it is left over (roles are"
            + " shared by every database of the server, so tenant ids must be unique across"
            + " them)");
  }

  private static void refuseForeignSchema(Connection c, TenantId id) throws SQLException {
    if (Sql.exists(c, "SELECT 1 FROM pg_namespace WHERE nspname = ?", id.schema())) {
      throw new OperationException(
          "tenant.schema_exists",
          "a schema named "
              + id.schema()
              + " already exists, but tenant "
              + id
              + " is not registered; Tusk never adopts an existing schema, so nothing was"
              + " created",
          "choose another tenant id, or drop or rename that schema if it is left over");
    }
  }

  private static void requireRole(Connection c, String role, String what) throws SQLException {
    if (!Sql.exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
      throw new OperationException(
          "tenant.role_missing",
          what + " " + role + " does not exist on the server; nothing was created",
          "start the platform with tusk up (bootstrap creates the roles of tusk.yaml), or fix the"
              + " name in tusk.yaml");
    }
  }

  private static int serverVersion(Connection c) throws SQLException {
    return Integer.parseInt(Sql.strings(c, "SHOW server_version_num").getFirst());
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
