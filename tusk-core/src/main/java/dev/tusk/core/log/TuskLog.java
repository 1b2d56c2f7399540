package dev.tusk.core.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The supervisor's log: one JSON object per line in {@code tusk.log} (for machines), and a short
 * human line on the console (for the person who ran {@code tusk up}). Either sink may be absent.
 * Instances are passed in, never looked up statically.
 *
 * <p>The REST API logs a line per request, so a line must be cheap and must not serialise the
 * request threads: it is formatted outside any lock, and the file stays open (append mode) with
 * each line written in one {@code write}. A rotated log (moved or deleted by logrotate) is noticed
 * within a second by comparing the path's file key with the open file's, and reopened.
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
  private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Clock clock;
  private final Optional<PrintStream> console;
  private final Level consoleLevel;
  private final long recheckNanos;
  private volatile Optional<Path> file;

  // The open log file; guarded by fileLock (a ReentrantLock, so a virtual thread writing a line
  // never pins its carrier on a JDK where synchronized would).
  private final ReentrantLock fileLock = new ReentrantLock();
  private FileChannel channel;
  private Path channelPath;
  private Object channelKey;
  private long checkedAt;

  public TuskLog(Clock clock, Optional<Path> file, Optional<PrintStream> console, Level level) {
    this(clock, file, console, level, RECHECK_NANOS);
  }

  /** {@code recheckNanos}: how often a write checks whether the file was rotated (tests: 0). */
  TuskLog(
      Clock clock,
      Optional<Path> file,
      Optional<PrintStream> console,
      Level level,
      long recheckNanos) {
    this.recheckNanos = recheckNanos;
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
    this.file = Optional.of(path);
    fileLock.lock();
    try {
      openChannel(path);
    } catch (IOException e) {
      System.err.println("tusk: could not open " + path + ": " + e.getMessage());
    } finally {
      fileLock.unlock();
    }
  }

  /** Closes the log file; a later line opens it again. */
  public void closeFile() {
    fileLock.lock();
    try {
      closeChannel();
    } finally {
      fileLock.unlock();
    }
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
  public void log(Level level, String component, String message, Object... fields) {
    if (fields.length % 2 != 0) {
      throw new IllegalArgumentException("fields must be key, value pairs");
    }
    Optional<Path> f = file;
    if (f.isPresent()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("ts", clock.instant().toString());
      line.put("level", level.name().toLowerCase(java.util.Locale.ROOT));
      line.put("component", component);
      line.put("msg", message);
      for (int i = 0; i < fields.length; i += 2) {
        line.put(String.valueOf(fields[i]), fields[i + 1]);
      }
      append(f.get(), line);
    }
    if (console.isPresent() && level.compareTo(consoleLevel) >= 0) {
      String prefix =
          level == Level.INFO ? "" : level.name().toLowerCase(java.util.Locale.ROOT) + ": ";
      console.get().println("[" + component + "] " + prefix + message);
    }
  }

  private void append(Path path, Map<String, Object> line) {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(line);
    } catch (JsonProcessingException e) {
      System.err.println("tusk: could not format a log line: " + e.getOriginalMessage());
      return;
    }
    ByteBuffer buf = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
    fileLock.lock();
    try {
      ensureCurrent(path);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      closeChannel();
      System.err.println("tusk: could not write " + path + ": " + e.getMessage());
    } finally {
      fileLock.unlock();
    }
  }

  /** Opens the file if it is not open, or reopens it when it was moved or deleted (rotation). */
  private void ensureCurrent(Path path) throws IOException {
    if (channel == null || !path.equals(channelPath)) {
      openChannel(path);
      return;
    }
    long now = System.nanoTime();
    if (now - checkedAt < recheckNanos) {
      return;
    }
    checkedAt = now;
    boolean moved;
    try {
      Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      // Without file keys (not on POSIX systems) only a deleted file is noticed.
      moved = channelKey != null && !Objects.equals(key, channelKey);
    } catch (NoSuchFileException e) {
      moved = true;
    }
    if (moved) {
      openChannel(path);
    }
  }

  private void openChannel(Path path) throws IOException {
    closeChannel();
    if (!Files.exists(path)) {
      try {
        // The log holds PostgreSQL's start-up output: readable by its owner only.
        Files.createFile(
            path,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // another process created it first; append to theirs
      }
    }
    channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    channelPath = path;
    channelKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    checkedAt = System.nanoTime();
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more to write to it
      }
      channel = null;
      channelPath = null;
      channelKey = null;
    }
  }
}
