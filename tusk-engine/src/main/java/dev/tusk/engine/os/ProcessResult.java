package dev.tusk.engine.os;

import java.util.List;

/** What a finished child process left: its exit code and its combined output. */
public record ProcessResult(List<String> command, int exitCode, String output) {

  public boolean ok() {
    return exitCode == 0;
  }

  /** The last few lines of output: enough for an error message, never a whole log. */
  public String tail(int lines) {
    String[] all = output.strip().split("\n");
    int from = Math.max(0, all.length - lines);
    return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
  }
}
