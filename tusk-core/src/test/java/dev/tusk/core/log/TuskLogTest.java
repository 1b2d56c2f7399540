package dev.tusk.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuskLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void writesOneJsonObjectPerLineWithHostileValuesEscaped() throws Exception {
    Path file = dir.resolve("tusk.log");
    TuskLog log = new TuskLog(CLOCK, Optional.empty(), Optional.empty(), TuskLog.Level.INFO, 0);
    log.attachFile(file);
    log.info("rest", "GET /x\n{\"forged\":true}", "role", "we\"b\u0000", "rows", 3, "path", "é☃");
    log.warn("engine", "second");

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("ts").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(first.get("level").asText()).isEqualTo("info");
    assertThat(first.get("component").asText()).isEqualTo("rest");
    assertThat(first.get("msg").asText()).isEqualTo("GET /x\n{\"forged\":true}");
    assertThat(first.get("role").asText()).isEqualTo("we\"b\u0000");
    assertThat(first.get("rows").asInt()).isEqualTo(3);
    assertThat(first.get("path").asText()).isEqualTo("é☃");
    assertThat(JSON.readTree(lines.get(1)).get("level").asText()).isEqualTo("warn");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void concurrentWritersNeverInterleaveLines() throws Exception {
    Path file = dir.resolve("tusk.log");
    TuskLog log = new TuskLog(CLOCK, Optional.empty(), Optional.empty(), TuskLog.Level.INFO);
    log.attachFile(file);
    int threads = 16;
    int each = 500;
    String padding = "x".repeat(3000); // lines longer than a pipe buffer's atomic write
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      started.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      log.info("rest", "line", "thread", id, "i", i, "pad", padding);
                    }
                  }));
    }
    for (Thread t : started) {
      t.join();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(threads * each);
    Set<String> seen = new HashSet<>();
    for (String l : lines) {
      JsonNode n = JSON.readTree(l);
      assertThat(n.get("pad").asText()).isEqualTo(padding);
      seen.add(n.get("thread").asInt() + "/" + n.get("i").asInt());
    }
    assertThat(seen).hasSize(threads * each);
  }

  @Test
  void aRotatedFileIsReopenedAndADeletedOneRecreated() throws Exception {
    Path file = dir.resolve("tusk.log");
    TuskLog log = new TuskLog(CLOCK, Optional.empty(), Optional.empty(), TuskLog.Level.INFO, 0);
    log.attachFile(file);
    log.info("engine", "before rotation");
    Path rotated = dir.resolve("tusk.log.1");
    Files.move(file, rotated);
    log.info("engine", "after rotation");
    assertThat(Files.readAllLines(rotated)).hasSize(1).allMatch(l -> l.contains("before"));
    assertThat(Files.readAllLines(file)).hasSize(1).allMatch(l -> l.contains("after rotation"));

    Files.delete(file);
    log.info("engine", "after delete");
    assertThat(Files.readAllLines(file)).hasSize(1).allMatch(l -> l.contains("after delete"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void closeFileThenLogReopensAndAppends() throws Exception {
    Path file = dir.resolve("tusk.log");
    TuskLog log = new TuskLog(CLOCK, Optional.empty(), Optional.empty(), TuskLog.Level.INFO);
    log.attachFile(file);
    log.info("engine", "one");
    log.closeFile();
    log.info("engine", "two");
    assertThat(Files.readAllLines(file)).hasSize(2);
  }

  @Test
  void anUnwritableFileDoesNotStopTheConsoleLine() {
    Path file = dir.resolve("missing-dir").resolve("tusk.log");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    TuskLog log =
        new TuskLog(
            CLOCK,
            Optional.empty(),
            Optional.of(new PrintStream(console, true, StandardCharsets.UTF_8)),
            TuskLog.Level.INFO);
    log.attachFile(file);
    log.warn("engine", "still shown");
    log.debug("engine", "below the console level");
    assertThat(console.toString(StandardCharsets.UTF_8))
        .isEqualTo("[engine] warn: still shown" + System.lineSeparator());
    assertThat(file).doesNotExist();
  }

  @Test
  void oddFieldCountIsAProgrammingError() {
    TuskLog log = TuskLog.silent(CLOCK);
    assertThatThrownBy(() -> log.info("x", "y", "key-without-value"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
