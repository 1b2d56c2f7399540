package dev.tusk.core.http;

/** The request line and header fields, parsed and checked; the body is read after this. */
record RequestHead(String method, String target, HttpVersion version, Headers headers) {

  boolean isHead() {
    return method.equals("HEAD");
  }
}
