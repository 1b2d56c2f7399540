package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A known fingerprint skips hashing the archive; a wrong record is never trusted blindly. */
class FingerprintTest {

  @TempDir Path root;

  /** An archive that counts how often its bytes are read and has a fixed fingerprint. */
  record Counted(byte[] txz, String fp, AtomicInteger opens) implements ArchiveSource {
    @Override
    public String name() {
      return "counted.txz";
    }

    @Override
    public String version() {
      return "18.3.0";
    }

    @Override
    public InputStream open() {
      opens.incrementAndGet();
      return new ByteArrayInputStream(txz);
    }

    @Override
    public Optional<String> fingerprint() {
      return Optional.of(fp);
    }
  }

  BinaryCache cache() {
    return new BinaryCache(
        root, new SafeTarExtractor(SafeTarExtractor.Limits.DEFAULT), Clock.systemUTC());
  }

  byte[] txz() throws Exception {
    return new TestArchive().file("bin/postgres", "#!/bin/sh\necho 18.3\n", 0755).txz();
  }

  @Test
  void aKnownFingerprintReusesTheCacheWithoutReadingTheArchive() throws Exception {
    Counted source = new Counted(txz(), "jar|123|456", new AtomicInteger());
    Path dir = cache().ensure(source).dir();
    int afterFirst = source.opens().get();
    assertThat(afterFirst).isPositive();
    BinaryCache.Result again = cache().ensure(source);
    assertThat(again.unpacked()).isFalse();
    assertThat(again.dir()).isEqualTo(dir);
    assertThat(source.opens().get()).isEqualTo(afterFirst);
  }

  @Test
  void aCorruptRecordFallsBackToHashing() throws Exception {
    Counted source = new Counted(txz(), "jar|1|2", new AtomicInteger());
    Path dir = cache().ensure(source).dir();
    try (Stream<Path> records = Files.list(root.resolve(".fingerprints"))) {
      for (Path r : records.toList()) {
        Files.writeString(r, "0".repeat(64) + "\n");
      }
    }
    BinaryCache.Result again = cache().ensure(source);
    assertThat(again.dir()).isEqualTo(dir);
    assertThat(again.unpacked()).isFalse();
  }

  @Test
  void aChangedArchiveHasANewFingerprintAndIsUnpackedIntoItsOwnDirectory() throws Exception {
    Counted first = new Counted(txz(), "jar|same", new AtomicInteger());
    Path a = cache().ensure(first).dir();
    byte[] other = new TestArchive().file("bin/postgres", "#!/bin/sh\necho other\n", 0755).txz();
    // A changed jar has another size, time or CRC, so another fingerprint: it is hashed anew.
    Counted second = new Counted(other, "jar|different", new AtomicInteger());
    BinaryCache.Result r = cache().ensure(second);
    assertThat(r.unpacked()).isTrue();
    assertThat(r.dir()).isNotEqualTo(a);
  }
}
