package dev.tusk.core.http;

/**
 * Answers one request. Runs on the connection's own (virtual) thread, so it may block. An exception
 * becomes a 500 with a generic body; the exception goes to {@link ServerLog}, never to the client,
 * and the connection stays open (the request was read to its end). An {@link Error} is not caught:
 * the connection closes and the error ends the connection's thread.
 */
@FunctionalInterface
public interface Handler {
  Response handle(Request request) throws Exception;
}
