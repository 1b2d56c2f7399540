package dev.tusk.core.http;

/** The two protocol versions the server speaks; anything else is answered 505. */
public enum HttpVersion {
  HTTP_1_0("HTTP/1.0"),
  HTTP_1_1("HTTP/1.1");

  private final String text;

  HttpVersion(String text) {
    this.text = text;
  }

  /** As it appears on the request line, e.g. {@code HTTP/1.1}. */
  public String text() {
    return text;
  }
}
