package dev.tusk.core.http;

import java.io.IOException;

/** Sets the timeout of the next blocking read (a socket's SO_TIMEOUT); a no-op in memory tests. */
@FunctionalInterface
interface ReadTimeout {
  void set(int millis) throws IOException;
}
