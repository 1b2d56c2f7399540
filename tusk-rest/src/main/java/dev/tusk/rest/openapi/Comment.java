package dev.tusk.rest.openapi;

import java.util.Optional;

/**
 * A database comment split as PostgREST splits it: the first line is a summary (or a title, for a
 * schema), the lines after it the description, with the blank lines between them dropped so a
 * comment can separate the two with an empty line.
 */
record Comment(Optional<String> summary, Optional<String> description) {

  static Comment of(Optional<String> comment) {
    if (comment.isEmpty()) {
      return new Comment(Optional.empty(), Optional.empty());
    }
    String text = comment.get();
    int nl = text.indexOf('\n');
    if (nl < 0) {
      return new Comment(Optional.of(text), Optional.empty());
    }
    int start = nl;
    while (start < text.length() && text.charAt(start) == '\n') {
      start++;
    }
    String rest = text.substring(start);
    return new Comment(
        Optional.of(text.substring(0, nl)), rest.isEmpty() ? Optional.empty() : Optional.of(rest));
  }
}
