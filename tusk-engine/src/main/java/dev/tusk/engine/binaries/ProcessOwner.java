package dev.tusk.engine.binaries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether this process runs as root, which decides where the cache goes: PostgreSQL refuses to run
 * as root, so Tusk then runs it as an unprivileged user who cannot traverse {@code /root}. The
 * effective uid is read from {@code /proc} (Linux) or {@code id -u}; {@code user.name} alone would
 * miss a renamed uid 0 or a container user with no passwd entry.
 */
final class ProcessOwner {

  private ProcessOwner() {}

  static boolean isRoot() {
    if ("root".equals(System.getProperty("user.name"))) {
      return true;
    }
    Path status = Path.of("/proc/self/status");
    try {
      if (Files.isReadable(status)) {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("Uid:")) {
            String[] ids = line.substring(4).strip().split("\\s+");
            return ids.length > 1 && ids[1].equals("0"); // real, effective, saved, fs
          }
        }
      }
      return idSaysRoot();
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean idSaysRoot() throws IOException {
    Process p = new ProcessBuilder(List.of("id", "-u")).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .strip()
          .equals("0");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
