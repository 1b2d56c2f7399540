package dev.tusk.migrate.drift;

import dev.tusk.migrate.ConnectionSource;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A scratch database in use. One Tusk created is dropped on {@link #close()}, and also by a
 * shutdown hook if the process is stopped (Ctrl-C) before that, so a check never leaves a database
 * behind; a given one ({@code --scratch-url}) is never dropped.
 */
public final class ScratchSession implements AutoCloseable {

  /** Drops a database Tusk created. */
  @FunctionalInterface
  interface Dropper {
    void drop() throws SQLException;
  }

  private final String name;
  private final String shown;
  private final ConnectionSource source;
  private final Optional<Dropper> dropper;
  private final AtomicBoolean dropped = new AtomicBoolean();
  private final Thread hook;
  private volatile Optional<String> leftOver = Optional.empty();

  ScratchSession(String name, String shown, ConnectionSource source, Optional<Dropper> dropper) {
    this.name = name;
    this.shown = shown;
    this.source = source;
    this.dropper = dropper;
    this.hook = new Thread(this::dropQuietly, "tusk-scratch-drop");
    if (dropper.isPresent()) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** The database's name. */
  public String name() {
    return name;
  }

  /** How reports name it: the database, and the server when it was given. */
  public String shown() {
    return shown;
  }

  /** Superuser connections to it. */
  public ConnectionSource source() {
    return source;
  }

  /** Whether Tusk made it (and so drops it). */
  public boolean created() {
    return dropper.isPresent();
  }

  /** The database, for reports. */
  public ScratchInfo info() {
    return new ScratchInfo(name, shown, created());
  }

  /** Why a created database could not be dropped, after {@link #close()}. */
  public Optional<String> leftOver() {
    return leftOver;
  }

  @Override
  public void close() {
    if (dropper.isEmpty()) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook drops it
      return;
    }
    dropQuietly();
  }

  private void dropQuietly() {
    if (dropped.getAndSet(true)) {
      return;
    }
    try {
      dropper.orElseThrow().drop();
    } catch (SQLException | RuntimeException e) {
      leftOver =
          Optional.of(
              "could not drop scratch database "
                  + name
                  + ": "
                  + (e.getMessage() == null
                      ? e.toString()
                      : e.getMessage().lines().findFirst().orElse(""))
                  + "; drop it by hand (DROP DATABASE "
                  + name
                  + " WITH (FORCE))");
    }
  }
}
