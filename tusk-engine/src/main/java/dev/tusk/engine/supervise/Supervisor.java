package dev.tusk.engine.supervise;

import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.os.Host;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the postmaster as a child process and keeps it running. A crash is answered with a restart
 * after an exponential backoff; too many crashes within the policy's window is a crash loop,
 * reported once through {@link #gaveUp()} so the caller can exit with the reason instead of
 * restarting forever. Readiness always means a real authenticated connection succeeded, never just
 * "the process is alive".
 *
 * <p>Shutdown follows PostgreSQL's own escalation: smart (SIGTERM: wait for clients), then fast
 * (SIGINT: roll back and disconnect them), then immediate (SIGQUIT), each after a timeout.
 */
public final class Supervisor {

  private final Launch launch;
  private final ReadinessProbe probe;
  private final TuskLog log;
  private final Clock clock;
  private final RestartPolicy policy;
  private final Duration readyTimeout;

  private final Object lock = new Object();
  private final OutputTail tail = new OutputTail(200);
  private final List<Instant> crashes = new ArrayList<>();
  private final CompletableFuture<OperationException> gaveUp = new CompletableFuture<>();
  private final AtomicInteger restarts = new AtomicInteger();
  private volatile ServerState state = ServerState.STOPPED;
  private volatile boolean stopping;
  private volatile Process process;
  private volatile Instant readySince;
  private Thread monitor;

  public Supervisor(
      Launch launch,
      ReadinessProbe probe,
      TuskLog log,
      Clock clock,
      RestartPolicy policy,
      Duration readyTimeout) {
    this.launch = launch;
    this.probe = probe;
    this.log = log;
    this.clock = clock;
    this.policy = policy;
    this.readyTimeout = readyTimeout;
  }

  /** Starts the server and returns once it accepts connections; throws if it cannot start. */
  public void start() {
    state = ServerState.STARTING;
    Process p = spawn().orElseThrow();
    try {
      awaitReady(p);
    } catch (dev.tusk.core.error.TuskException e) {
      state = ServerState.FAILED;
      signal(p, "INT"); // fast shutdown: it may be half-started, nothing to wait for
      if (!waitFor(p, Duration.ofSeconds(15))) {
        p.destroyForcibly();
      }
      throw e;
    }
    markReady();
    monitor = Thread.ofVirtual().name("tusk-pg-monitor").start(this::monitorLoop);
  }

  public ServerState state() {
    return state;
  }

  /** The postmaster's PID while one runs. */
  public Optional<Long> pid() {
    Process p = process;
    return p != null && p.isAlive() ? Optional.of(p.pid()) : Optional.empty();
  }

  /** How many times the server was restarted after a crash. */
  public int restarts() {
    return restarts.get();
  }

  /** When the server last became ready. */
  public Optional<Instant> readySince() {
    return Optional.ofNullable(readySince);
  }

  /** Completes, with the reason, when the supervisor stops restarting a crash-looping server. */
  public CompletableFuture<OperationException> gaveUp() {
    return gaveUp;
  }

  /** Stops the server: smart, then fast after {@code smart}, then immediate after {@code fast}. */
  public void stop(Duration smart, Duration fast) {
    Process p;
    synchronized (lock) {
      stopping = true;
      p = process;
    }
    state = ServerState.STOPPING;
    if (monitor != null) {
      monitor.interrupt();
    }
    if (p != null && p.isAlive()) {
      log.info("postgres", "stopping PostgreSQL (smart shutdown)", "pid", p.pid());
      signal(p, "TERM");
      if (!waitFor(p, smart)) {
        log.warn("postgres", "smart shutdown timed out; fast shutdown", "after", smart.toString());
        signal(p, "INT");
        if (!waitFor(p, fast)) {
          log.warn(
              "postgres", "fast shutdown timed out; immediate shutdown", "after", fast.toString());
          signal(p, "QUIT");
          if (!waitFor(p, Duration.ofSeconds(10))) {
            p.destroyForcibly();
          }
        }
      }
      log.info("postgres", "PostgreSQL stopped", "exit", p.isAlive() ? -1 : p.exitValue());
    }
    state = ServerState.STOPPED;
  }

  /** The last {@code n} lines the postmaster printed. */
  public List<String> lastOutput(int n) {
    return tail.last(n);
  }

  private void monitorLoop() {
    while (!stopping) {
      Process p = process;
      int code;
      try {
        code = p.waitFor();
      } catch (InterruptedException e) {
        return;
      }
      if (stopping) {
        return;
      }
      readySince = null;
      Instant now = clock.instant();
      crashes.add(now);
      crashes.removeIf(t -> t.isBefore(now.minus(policy.window())));
      log.error("postgres", "PostgreSQL exited unexpectedly", "exit", code, "pid", p.pid());
      if (crashes.size() > policy.maxCrashes()) {
        state = ServerState.FAILED;
        gaveUp.complete(
            new OperationException(
                "engine.crash_loop",
                "PostgreSQL exited "
                    + crashes.size()
                    + " times within "
                    + policy.window().toSeconds()
                    + " s (last exit code "
                    + code
                    + "); giving up. Last output: "
                    + String.join(" | ", tail.last(5)),
                "read the server log under postgres.data_dir/log and tusk.log, fix the cause, then"
                    + " start again",
                null));
        return;
      }
      state = ServerState.RESTARTING;
      Duration wait = policy.backoff(crashes.size());
      log.info("postgres", "restarting PostgreSQL", "in_ms", wait.toMillis());
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        return;
      }
      Optional<Process> next = spawn();
      if (next.isEmpty()) {
        return;
      }
      try {
        awaitReady(next.get());
        restarts.incrementAndGet();
        markReady();
        log.info("postgres", "PostgreSQL is ready again", "restarts", restarts.get());
      } catch (dev.tusk.core.error.TuskException e) {
        log.error("postgres", "restart failed: " + e.getMessage());
        next.get().destroyForcibly();
      }
    }
  }

  private void markReady() {
    readySince = clock.instant();
    state = ServerState.READY;
  }

  private Optional<Process> spawn() {
    synchronized (lock) {
      if (stopping) {
        return Optional.empty();
      }
      ProcessBuilder pb =
          new ProcessBuilder(launch.command())
              .directory(launch.workDir().toFile())
              .redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.putAll(launch.env());
      try {
        Process p = pb.start();
        p.getOutputStream().close();
        process = p;
        log.info("postgres", "started PostgreSQL", "pid", p.pid());
        Thread.ofVirtual().name("tusk-pg-output").start(() -> pump(p));
        return Optional.of(p);
      } catch (IOException e) {
        throw new OperationException(
            "engine.spawn_failed",
            "could not start " + launch.command().getFirst() + ": " + e.getMessage(),
            "check postgres.bin_dir and the binaries cache",
            e);
      }
    }
  }

  private void pump(Process p) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        tail.add(line);
        log.info("postgres", line, "pid", p.pid());
      }
    } catch (IOException e) {
      log.debug("postgres", "output closed: " + e.getMessage());
    }
  }

  private void awaitReady(Process p) {
    Instant deadline = clock.instant().plus(readyTimeout);
    String lastProblem = "no attempt yet";
    while (clock.instant().isBefore(deadline)) {
      if (!p.isAlive()) {
        waitFor(p, Duration.ofMillis(200)); // let the pump read the last lines
        throw new OperationException(
            "engine.start_failed",
            "PostgreSQL exited during start (exit code "
                + p.exitValue()
                + "): "
                + String.join(" | ", tail.last(4)),
            "fix the cause above (tusk.log has the full output)",
            null);
      }
      try {
        probe.check();
        return;
      } catch (dev.tusk.core.error.TuskException e) {
        throw e; // the probe knows retrying cannot help
      } catch (Exception e) {
        lastProblem = e.getMessage();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OperationException("engine.interrupted", "interrupted while starting", null, e);
      }
    }
    throw new OperationException(
        "engine.start_timeout",
        "PostgreSQL did not accept connections within "
            + readyTimeout.toSeconds()
            + " s; last attempt: "
            + lastProblem,
        "check tusk.log and the server log under postgres.data_dir/log",
        null);
  }

  private void signal(Process p, String sig) {
    if (sig.equals("TERM")) {
      p.destroy();
      return;
    }
    Host.run(List.of("kill", "-s", sig, Long.toString(p.pid())), null, Map.of(), 10);
  }

  private static boolean waitFor(Process p, Duration d) {
    try {
      return p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.isAlive();
    }
  }
}
