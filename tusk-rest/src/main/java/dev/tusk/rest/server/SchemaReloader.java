package dev.tusk.rest.server;

import dev.tusk.core.log.TuskLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps the schema cache fresh: loads it until the first load succeeds, then listens on the {@code
 * pgrst} channel (PostgREST's) and reloads on {@code NOTIFY pgrst, 'reload schema'} (or an empty
 * payload). Bursts of notifications are coalesced into one reload. A lost listening connection is
 * reopened with backoff; {@link #reloadNow()} serves SIGUSR1.
 */
public final class SchemaReloader implements AutoCloseable {

  private final SchemaCacheHolder caches;
  private final SchemaCacheHolder.Source source;
  private final TuskLog log;
  private final Thread thread;
  private volatile boolean closed;

  public SchemaReloader(SchemaCacheHolder caches, SchemaCacheHolder.Source source, TuskLog log) {
    this.caches = caches;
    this.source = source;
    this.log = log;
    this.thread = Thread.ofVirtual().name("tusk-schema-reloader").unstarted(this::run);
  }

  public SchemaReloader start() {
    thread.start();
    return this;
  }

  /** Reloads now, on the caller's thread. */
  public boolean reloadNow() {
    return caches.reload();
  }

  private void run() {
    Duration backoff = Duration.ofMillis(500);
    while (!closed && caches.current().isEmpty()) {
      if (!caches.reload()) {
        sleep(backoff);
        backoff = min(backoff.multipliedBy(2), Duration.ofSeconds(10));
      }
    }
    backoff = Duration.ofMillis(500);
    while (!closed) {
      try (Connection c = source.open()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN pgrst");
        }
        backoff = Duration.ofMillis(500);
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] batch = pg.getNotifications(1000);
          if (batch == null || batch.length == 0) {
            continue;
          }
          boolean reload = false;
          for (PGNotification n : batch) {
            String p = n.getParameter() == null ? "" : n.getParameter().strip();
            reload |= p.isEmpty() || p.equals("reload schema");
          }
          if (reload) {
            sleep(Duration.ofMillis(100)); // coalesce a burst (e.g. a migration's many DDLs)
            pg.getNotifications(1);
            caches.reload();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          log.warn("rest", "schema reload listener lost its connection: " + e.getMessage());
          sleep(backoff);
          backoff = min(backoff.multipliedBy(2), Duration.ofSeconds(10));
        }
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
