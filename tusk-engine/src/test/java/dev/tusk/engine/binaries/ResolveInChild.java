package dev.tusk.engine.binaries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A second process for EmbeddedBinariesTest: says READY, waits until the go-file appears, resolves
 * the embedded binaries into the cache given, and prints {@code <source> <binDir>}.
 */
public final class ResolveInChild {

  private ResolveInChild() {}

  public static void main(String[] args) throws Exception {
    Path cache = Path.of(args[0]);
    Path go = Path.of(args[1]);
    System.out.println("READY");
    System.out.flush();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!Files.exists(go)) {
      if (System.nanoTime() > deadline) {
        System.out.println("TIMEOUT waiting for " + go);
        System.exit(3);
      }
      Thread.sleep(2);
    }
    Resolution r = new BinaryResolver(cache, Clock.systemUTC()).resolveTimed(Configs.embedded(18));
    System.out.println(r.source() + " " + r.binaries().binDir());
  }
}
