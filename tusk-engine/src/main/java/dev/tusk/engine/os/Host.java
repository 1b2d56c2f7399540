package dev.tusk.engine.os;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operating system as Tusk sees it: who we are, who PostgreSQL runs as, and how to run a
 * command as that account. Every external command Tusk runs goes through here, so the root case
 * (switch to {@code postgres.os_user} with {@code setpriv}) is handled in exactly one place.
 */
public final class Host {

  private final boolean root;
  private final OsAccount account;

  private Host(boolean root, OsAccount account) {
    this.root = root;
    this.account = account;
  }

  /** Inspects the current process; {@code osUser} is used only when we are root. */
  public static Host detect(String osUser) {
    int uid = Integer.parseInt(run(List.of("id", "-u"), null, Map.of(), 10).output().strip());
    if (uid != 0) {
      int gid = Integer.parseInt(run(List.of("id", "-g"), null, Map.of(), 10).output().strip());
      String name = run(List.of("id", "-un"), null, Map.of(), 10).output().strip();
      return new Host(false, new OsAccount(name, uid, gid, false));
    }
    ProcessResult u = run(List.of("id", "-u", "--", osUser), null, Map.of(), 10);
    ProcessResult g = run(List.of("id", "-g", "--", osUser), null, Map.of(), 10);
    if (!u.ok() || !g.ok()) {
      throw new ConfigException(
          "engine.os_user_missing",
          "Tusk runs as root, so PostgreSQL must run as postgres.os_user '"
              + osUser
              + "', but that OS user does not exist",
          "create it (useradd --system --create-home " + osUser + ") or set postgres.os_user");
    }
    int targetUid = Integer.parseInt(u.output().strip());
    if (targetUid == 0) {
      throw new ConfigException(
          "engine.os_user_root",
          "postgres.os_user '" + osUser + "' is root; PostgreSQL refuses to run as root",
          "set postgres.os_user to an unprivileged account such as postgres");
    }
    return new Host(
        true, new OsAccount(osUser, targetUid, Integer.parseInt(g.output().strip()), true));
  }

  public boolean isRoot() {
    return root;
  }

  /** The account PostgreSQL and its tools run as. */
  public OsAccount postgresAccount() {
    return account;
  }

  /** The command line that runs {@code command} as the PostgreSQL account. */
  public List<String> asPostgres(List<String> command) {
    if (!account.switched()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>();
    wrapped.addAll(
        List.of(
            "setpriv",
            "--reuid=" + account.uid(),
            "--regid=" + account.gid(),
            "--init-groups",
            "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Runs a command as the PostgreSQL account and waits for it. */
  public ProcessResult runAsPostgres(
      List<String> command, Path workDir, Map<String, String> env, int timeoutSeconds) {
    return run(asPostgres(command), workDir, env, timeoutSeconds);
  }

  /** Makes {@code path} (and, when recursive, everything under it) owned by the PG account. */
  public void giveToPostgres(Path path, boolean recursive) {
    if (!account.switched()) {
      return;
    }
    List<String> cmd = new ArrayList<>(List.of("chown"));
    if (recursive) {
      cmd.add("-R");
    }
    cmd.add(account.uid() + ":" + account.gid());
    cmd.add("--");
    cmd.add(path.toString());
    ProcessResult r = run(cmd, null, Map.of(), 120);
    if (!r.ok()) {
      throw new OperationException(
          "engine.chown_failed",
          "could not give " + path + " to OS user " + account.name() + ": " + r.tail(3),
          "check that the file system supports ownership changes");
    }
  }

  /**
   * Checks that the PostgreSQL account can reach {@code dir}: a data directory under a root-only
   * home (/root is 0700) fails here with a clear message instead of deep inside initdb.
   */
  public void requireReachable(Path dir, String configKey) {
    if (!account.switched()) {
      return;
    }
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    ProcessResult r =
        runAsPostgres(List.of("test", "-x", existing.toString()), Path.of("/"), Map.of(), 10);
    if (!r.ok()) {
      throw new ConfigException(
          "engine.dir_unreachable",
          configKey
              + " "
              + dir
              + " is not reachable by OS user "
              + account.name()
              + " (a parent directory such as "
              + firstClosedAncestor(existing)
              + " is not searchable by it)",
          "put it under a directory that user can reach, e.g. /var/lib/tusk or /srv/tusk");
    }
  }

  private Path firstClosedAncestor(Path dir) {
    Path p = dir.toAbsolutePath();
    List<Path> chain = new ArrayList<>();
    for (Path q = p; q != null; q = q.getParent()) {
      chain.addFirst(q);
    }
    for (Path q : chain) {
      ProcessResult r =
          runAsPostgres(List.of("test", "-x", q.toString()), Path.of("/"), Map.of(), 10);
      if (!r.ok()) {
        return q;
      }
    }
    return p;
  }

  /** Runs a command, merging stderr into stdout, with a hard timeout. */
  public static ProcessResult run(
      List<String> command, Path workDir, Map<String, String> env, int timeoutSeconds) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      // Read on another thread so a command that hangs with its output open still times out.
      java.util.concurrent.CompletableFuture<byte[]> output =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                  return new byte[0];
                }
              },
              java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new OperationException(
            "engine.command_timeout",
            String.join(" ", command) + " did not finish within " + timeoutSeconds + " s",
            "check the machine's load and the command's output in tusk.log");
      }
      byte[] out = output.get(10, TimeUnit.SECONDS);
      return new ProcessResult(command, p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new OperationException(
          "engine.command_failed",
          "could not run " + command.getFirst() + ": " + e.getMessage(),
          "check that " + command.getFirst() + " is installed and on PATH",
          e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new OperationException(
          "engine.command_failed",
          "could not read the output of " + command.getFirst() + ": " + e,
          "check tusk.log",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationException(
          "engine.interrupted", "interrupted while running " + command.getFirst(), null, e);
    }
  }
}
