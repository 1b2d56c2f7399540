package dev.tusk.engine.binaries;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive use of one cache entry across processes and threads. An OS file lock keeps other
 * processes out, but it belongs to the whole JVM (a second {@code lock()} from another thread
 * throws {@code OverlappingFileLockException}), so threads first queue on an in-JVM lock for the
 * same file. That lock table is static on purpose: it must span every {@link BinaryCache} in the
 * process, exactly as the OS lock does.
 */
final class CacheLock implements AutoCloseable {

  private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock jvmLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private CacheLock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
    this.jvmLock = jvmLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Blocks until this thread holds {@code lockFile} (created if missing). */
  static CacheLock acquire(Path lockFile) throws IOException {
    ReentrantLock jvmLock =
        IN_JVM.computeIfAbsent(lockFile.toAbsolutePath().normalize(), k -> new ReentrantLock());
    jvmLock.lock();
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new CacheLock(jvmLock, channel, channel.lock());
    } catch (IOException | RuntimeException | Error e) {
      if (channel != null) {
        channel.close();
      }
      jvmLock.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      fileLock.release();
      channel.close();
    } finally {
      jvmLock.unlock();
    }
  }
}
