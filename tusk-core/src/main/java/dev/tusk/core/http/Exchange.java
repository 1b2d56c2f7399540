package dev.tusk.core.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One request and its response on a connection: parse the head, check the framing, send {@code 100
 * Continue} if asked, read the body, call the handler, write the answer. Errors in the request are
 * answered here and end the connection; a handler's exception is answered with 500 and does not,
 * because the request was read to its end and the stream is still in step.
 */
final class Exchange {

  /** What the connection does after this exchange. */
  enum Outcome {
    KEEP_ALIVE,
    CLOSE,
    /** The server refused the request; close after giving the client time to read why. */
    CLOSE_AFTER_ERROR
  }

  private final ServerConfig config;
  private final Handler handler;
  private final ServerLog log;
  private final HttpInput in;
  private final ResponseWriter out;
  private final InetSocketAddress remote;
  private final HeadParser parser;
  private final BodyReader bodies;
  private final ErrorResponses errors;

  Exchange(
      ServerConfig config,
      Handler handler,
      ServerLog log,
      HttpInput in,
      ResponseWriter out,
      InetSocketAddress remote) {
    this.config = config;
    this.handler = handler;
    this.log = log;
    this.in = in;
    this.out = out;
    this.remote = remote;
    this.parser =
        new HeadParser(
            config.maxRequestLineBytes(), config.maxHeaderBytes(), config.maxHeaderCount());
    this.bodies =
        new BodyReader(config.maxBodyBytes(), config.maxHeaderBytes(), config.maxHeaderCount());
    this.errors = new ErrorResponses(config.errorRenderer());
  }

  /** Serves the request whose first byte is buffered; {@code closing} says the server stops. */
  Outcome serve(BooleanSupplier closing) throws IOException {
    long deadline = config.clock().millis() + config.headTimeoutMillis();
    RequestHead head = null;
    Framing framing;
    byte[] body;
    try {
      head = parser.parse(in, deadline);
      framing = Framing.of(head, config.maxBodyBytes());
      if (framing.expectContinue() && framing.hasBody()) {
        out.writeContinue();
      }
      body = bodies.read(in, framing, config.headTimeoutMillis());
    } catch (HttpError e) {
      return refuse(errors.of(e), head);
    } catch (SocketTimeoutException e) {
      return refuse(errors.timeout(), head);
    }
    Request request =
        new Request(head.method(), head.target(), head.version(), head.headers(), body, remote);
    Response response = call(request);
    boolean keepAlive = framing.keepAlive() && !closing.getAsBoolean();
    try {
      boolean kept = out.write(response, head.isHead(), head.version(), keepAlive);
      return kept ? Outcome.KEEP_ALIVE : Outcome.CLOSE;
    } catch (ResponseWriter.BodyFailed e) {
      log.handlerFailed(request, e.getCause());
      if (e.anythingSent()) {
        return Outcome.CLOSE;
      }
      boolean kept = out.write(errors.internalError(), head.isHead(), head.version(), keepAlive);
      return kept ? Outcome.KEEP_ALIVE : Outcome.CLOSE;
    }
  }

  private Response call(Request request) {
    try {
      Response response = handler.handle(request);
      if (response == null) {
        throw new IllegalStateException("the handler returned no response");
      }
      return response;
    } catch (Exception e) {
      log.handlerFailed(request, e);
      return errors.internalError();
    }
  }

  private Outcome refuse(Response error, RequestHead head) throws IOException {
    boolean isHead = head != null && head.isHead();
    HttpVersion version = head == null ? HttpVersion.HTTP_1_1 : head.version();
    out.write(error, isHead, version, false);
    return Outcome.CLOSE_AFTER_ERROR;
  }
}
