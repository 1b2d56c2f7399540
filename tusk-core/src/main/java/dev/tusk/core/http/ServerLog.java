package dev.tusk.core.http;

import java.io.IOException;

/**
 * Where the server reports what went wrong on its side. The server has no logger of its own: the
 * caller wires this to {@code TuskLog} (or a test's list), so nothing is looked up statically.
 */
@FunctionalInterface
public interface ServerLog {

  /** A handler threw, or a streamed body failed while it was written. */
  void handlerFailed(Request request, Throwable error);

  /** {@code accept()} failed (often: out of file descriptors); the server retries shortly. */
  default void acceptFailed(IOException error) {}

  /** A log that drops everything. */
  static ServerLog ignore() {
    return (request, error) -> {};
  }
}
