package dev.tusk.core.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a response body that is produced while it is sent (a large CSV or JSON result). The server
 * hands in a stream that frames what is written (chunked when the length is unknown) and finishes
 * the framing itself; closing the stream is allowed and does not close the connection.
 */
@FunctionalInterface
public interface BodyWriter {
  void writeTo(OutputStream out) throws IOException;
}
