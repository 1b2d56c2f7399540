package dev.tusk.rest.server;

import dev.tusk.core.log.TuskLog;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.SchemaCacheLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current schema cache. A reload builds a whole new cache on its own connection and swaps it
 * in; requests keep the one they started with. Until the first load succeeds there is none, and the
 * API answers 503 (PGRST002) with Retry-After.
 */
public final class SchemaCacheHolder {

  /** Opens an autocommit connection for loading. */
  @FunctionalInterface
  public interface Source {
    Connection open() throws SQLException;
  }

  private final Source source;
  private final List<String> schemas;
  private final Clock clock;
  private final TuskLog log;
  private final AtomicReference<SchemaCache> current = new AtomicReference<>();
  private final Object reloadLock = new Object();

  public SchemaCacheHolder(Source source, List<String> schemas, Clock clock, TuskLog log) {
    this.source = source;
    this.schemas = List.copyOf(schemas);
    this.clock = clock;
    this.log = log;
  }

  public Optional<SchemaCache> current() {
    return Optional.ofNullable(current.get());
  }

  /** Loads and swaps in a new cache; on failure the old one stays and the error is logged. */
  public boolean reload() {
    synchronized (reloadLock) {
      try (Connection c = source.open()) {
        c.setAutoCommit(true);
        SchemaCache cache = SchemaCacheLoader.load(c, schemas, clock);
        current.set(cache);
        log.info(
            "rest",
            "schema cache loaded",
            "tables",
            cache.tables().size(),
            "functions",
            cache.routines().size(),
            "relationships",
            cache.relationships().size(),
            "ms",
            cache.loadDuration().toMillis());
        for (var t : cache.tablesWithoutRls()) {
          String name = t.name().toString();
          log.warn(
              "rest",
              "exposed table "
                  + name
                  + " has row level security disabled: every role with a grant"
                  + " sees all its rows (ALTER TABLE ... ENABLE ROW LEVEL SECURITY)");
        }
        cache.warnings().forEach(w -> log.warn("rest", w));
        return true;
      } catch (SQLException | RuntimeException e) {
        log.error("rest", "schema cache load failed: " + e.getMessage());
        return false;
      }
    }
  }
}
