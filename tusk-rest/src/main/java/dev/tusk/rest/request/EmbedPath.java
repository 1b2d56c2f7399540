package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Which resource of the request tree a parameter applies to: empty for the root, {@code [clients,
 * projects]} for {@code clients.projects.name=eq.x}. Segments are embed names or aliases, verbatim.
 */
public record EmbedPath(List<String> segments) {

  public EmbedPath {
    segments = List.copyOf(segments);
  }

  public static EmbedPath root() {
    return new EmbedPath(List.of());
  }

  public static EmbedPath of(String... segments) {
    return new EmbedPath(List.of(segments));
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  public EmbedPath child(String segment) {
    List<String> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new EmbedPath(longer);
  }

  @Override
  public String toString() {
    return isRoot() ? "<root>" : String.join(".", segments);
  }
}
