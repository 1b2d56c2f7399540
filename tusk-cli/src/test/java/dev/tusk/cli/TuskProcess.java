package dev.tusk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code tusk} as a separate OS process, started like bin/tusk starts it, so signals, exit codes
 * and stdout are the real ones. Output is collected on virtual threads.
 */
final class TuskProcess implements AutoCloseable {

  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();

  private TuskProcess(Process process) {
    this.process = process;
    Thread.ofVirtual().start(() -> pump(process.getInputStream(), out));
    Thread.ofVirtual().start(() -> pump(process.getErrorStream(), err));
  }

  static TuskProcess start(Path cwd, Map<String, String> env, String... args) throws IOException {
    return startWithUmask(cwd, env, "022", args);
  }

  /** Starts tusk with a given umask (through sh, which then execs java). */
  static TuskProcess startWithUmask(Path cwd, Map<String, String> env, String umask, String... args)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().putAll(env);
    return new TuskProcess(pb.start());
  }

  private static void pump(java.io.InputStream in, List<String> sink) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (sink) {
          sink.add(line);
        }
      }
    } catch (IOException e) {
      // process gone
    }
  }

  /** Waits until stdout has a line containing {@code text}; fails with all output otherwise. */
  void awaitOut(String text, Duration timeout) throws InterruptedException {
    await(text, timeout, false);
  }

  /** Waits until stderr has {@code text}. */
  void awaitErr(String text, Duration timeout) throws InterruptedException {
    await(text, timeout, true);
  }

  private void await(String text, Duration timeout, boolean stderr) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if ((stderr ? err() : out()).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "tusk did not print '"
            + text
            + "' (alive="
            + process.isAlive()
            + ")\nstdout:\n"
            + out()
            + "\nstderr:\n"
            + err());
  }

  String out() {
    synchronized (out) {
      return String.join("\n", out);
    }
  }

  String err() {
    synchronized (err) {
      return String.join("\n", err);
    }
  }

  long pid() {
    return process.pid();
  }

  /** Sends a signal by name (TERM, INT, KILL). */
  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).start().waitFor();
  }

  /** Sends TERM and returns the exit code, waiting up to a minute. */
  int stop() throws IOException, InterruptedException {
    signal("TERM");
    return waitExit(Duration.ofSeconds(60));
  }

  /** Waits for exit and returns the code; kills the process on timeout. */
  int waitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tusk did not exit within " + timeout + "\nstderr:\n" + err());
    }
    Thread.sleep(100); // let the pumps drain
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
