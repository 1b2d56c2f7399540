package dev.tusk.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The supervisor's log: one JSON object per line in {@code tusk.log} (for machines), and a short
 * human line on the console (for the person who ran {@code tusk up}). Either sink may be absent.
 * Instances are passed in, never looked up statically.
 */
public final class TuskLog {

  /** Severity, in increasing order. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private volatile Optional<Path> file;
  private final Optional<PrintStream> console;
  private final Level consoleLevel;

  public TuskLog(Clock clock, Optional<Path> file, Optional<PrintStream> console, Level level) {
    this.clock = clock;
    this.file = file;
    this.console = console;
    this.consoleLevel = level;
  }

  /**
   * Starts writing the JSON lines to {@code path}. {@code tusk up} attaches its file only once the
   * checks that can refuse a start have passed, so a refused start writes nothing.
   */
  public void attachFile(Path path) {
    try {
      if (!Files.exists(path)) {
        // The log holds PostgreSQL's start-up output: readable by its owner only.
        Files.createFile(
            path,
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      }
    } catch (IOException e) {
      System.err.println("tusk: could not create " + path + ": " + e.getMessage());
    }
    this.file = Optional.of(path);
  }

  /** A log that writes nowhere (for commands whose output is their result). */
  public static TuskLog silent(Clock clock) {
    return new TuskLog(clock, Optional.empty(), Optional.empty(), Level.ERROR);
  }

  public void info(String component, String message, Object... fields) {
    log(Level.INFO, component, message, fields);
  }

  public void warn(String component, String message, Object... fields) {
    log(Level.WARN, component, message, fields);
  }

  public void error(String component, String message, Object... fields) {
    log(Level.ERROR, component, message, fields);
  }

  public void debug(String component, String message, Object... fields) {
    log(Level.DEBUG, component, message, fields);
  }

  /** {@code fields} are alternating keys and values: {@code "port", 5432, "pid", 123}. */
  public synchronized void log(Level level, String component, String message, Object... fields) {
    if (fields.length % 2 != 0) {
      throw new IllegalArgumentException("fields must be key, value pairs");
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("ts", clock.instant().toString());
    line.put("level", level.name().toLowerCase(java.util.Locale.ROOT));
    line.put("component", component);
    line.put("msg", message);
    for (int i = 0; i < fields.length; i += 2) {
      line.put(String.valueOf(fields[i]), fields[i + 1]);
    }
    file.ifPresent(f -> append(f, line));
    if (console.isPresent() && level.compareTo(consoleLevel) >= 0) {
      String prefix =
          level == Level.INFO ? "" : level.name().toLowerCase(java.util.Locale.ROOT) + ": ";
      console.get().println("[" + component + "] " + prefix + message);
    }
  }

  private static void append(Path f, Map<String, Object> line) {
    try {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
        JSON.writeValue(g, line);
      }
      Files.writeString(
          f,
          w + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("tusk: could not write " + f + ": " + e.getMessage());
    }
  }
}
