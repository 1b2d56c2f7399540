package dev.tusk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.engine.os.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Tusk runs both as root (PostgreSQL then runs as postgres.os_user) and as a normal user (it runs
 * as that user). CI runs as root, so as root this starts a child JVM as {@code nobody}, with a copy
 * of the test classpath it can read, which starts, uses and stops a server ({@link NonRootMain}).
 * As a normal user the whole test run is already that case, and this only checks that Host agrees.
 */
class NonRootIT {

  private static final int CHILD_TIMEOUT_SECONDS = 180;

  static boolean runningAsRoot() throws IOException {
    return ownUid() == 0;
  }

  @Test
  void postgresRunsAsTheCallerUnlessTheCallerIsRoot() throws IOException {
    Host host = Host.detect("postgres");
    int uid = ownUid();
    assertThat(host.isRoot()).isEqualTo(uid == 0);
    if (uid == 0) {
      assertThat(host.postgresAccount().switched()).isTrue();
      assertThat(host.postgresAccount().name()).isEqualTo("postgres");
      assertThat(host.postgresAccount().uid()).isNotZero();
    } else {
      assertThat(host.postgresAccount().switched()).isFalse();
      assertThat(host.postgresAccount().uid()).isEqualTo(uid);
      assertThat(host.asPostgres(List.of("postgres", "-D", "x")))
          .containsExactly("postgres", "-D", "x");
    }
  }

  @Test
  @EnabledIf("runningAsRoot")
  void asNobodyAServerStartsAndRunsAsNobody() throws Exception {
    int uid = Integer.parseInt(id("-u"));
    int gid = Integer.parseInt(id("-g"));
    Path work = Files.createTempDirectory("tusk-nonroot-");
    try {
      Files.setPosixFilePermissions(work, ChildFiles.OPEN_DIR);
      String classpath = ChildFiles.copyClasspath(work.resolve("cp"));
      Path home = ChildFiles.ownedDir(work.resolve("home"), uid, gid);
      Path cache = ChildFiles.ownedDir(work.resolve("cache"), uid, gid);
      Path tmp = ChildFiles.ownedDir(work.resolve("tmp"), uid, gid);
      Path out = work.resolve("child.out");
      Path err = work.resolve("child.err");
      ProcessBuilder pb =
          new ProcessBuilder(
                  "setpriv",
                  "--reuid=" + uid,
                  "--regid=" + gid,
                  "--clear-groups",
                  "--",
                  ProcessHandle.current().info().command().orElseThrow(),
                  "-XX:-UsePerfData",
                  "-Xmx512m",
                  "-Djava.io.tmpdir=" + tmp,
                  "-cp",
                  classpath,
                  NonRootMain.class.getName())
              .directory(work.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("JAVA_TOOL"));
      env.putAll(
          Map.of(
              "HOME",
              home.toString(),
              "TUSK_CACHE_DIR",
              cache.toString(),
              "USER",
              "nobody",
              "LOGNAME",
              "nobody"));
      Process child = pb.start();
      if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        throw new AssertionError(
            "the child did not finish within "
                + CHILD_TIMEOUT_SECONDS
                + " s and was killed; stderr:\n"
                + tail(err));
      }
      String stdout = Files.readString(out);
      assertThat(child.exitValue()).as("stdout:\n%s\nstderr:\n%s", stdout, tail(err)).isZero();
      String marker =
          stdout.lines().filter(l -> l.startsWith(NonRootMain.MARKER + " ")).findFirst().orElse("");
      assertThat(marker).as(stdout).isNotEmpty();
      Map<String, String> facts =
          Arrays.stream(marker.substring(NonRootMain.MARKER.length() + 1).split(" "))
              .map(kv -> kv.split("=", 2))
              .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
      assertThat(facts)
          .containsEntry("uid", Integer.toString(uid))
          .containsEntry("postmaster_uid", Integer.toString(uid))
          .containsEntry("sslmode", "verify-full")
          .containsEntry("ssl", "true")
          .containsEntry("answer", "42");
      Path pgdata = Path.of(facts.get("pgdata"));
      assertThat(pgdata).startsWith(tmp);
      for (Path p : List.of(pgdata, pgdata.resolve("PG_VERSION"), pgdata.resolve("base"))) {
        assertThat(Files.getAttribute(p, "unix:uid")).as(p.toString()).isEqualTo(uid);
      }
      assertThat(pgdata.resolve("postmaster.pid")).doesNotExist();
    } finally {
      ChildFiles.delete(work);
    }
  }

  private static int ownUid() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }

  private static String id(String flag) {
    return Host.run(List.of("id", flag, "nobody"), null, Map.of(), 10).output().strip();
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
