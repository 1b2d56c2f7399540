package dev.tusk.rest.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Several sources as one (the HMAC secret and a JWKS may both be configured). The merged set is
 * rebuilt only when a part hands out a new set, so its identity still means "keys unchanged".
 */
final class CompositeKeySource implements KeySource {

  private record Snapshot(List<KeySet> parts, KeySet merged) {}

  private final List<KeySource> sources;
  private volatile Snapshot last = new Snapshot(List.of(), KeySet.EMPTY);

  CompositeKeySource(List<KeySource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public KeySet keys() {
    return merge(KeySource::keys);
  }

  @Override
  public KeySet keysAfterUnknownKid(String kid) {
    return merge(s -> s.keysAfterUnknownKid(kid));
  }

  private KeySet merge(Function<KeySource, KeySet> read) {
    List<KeySet> parts = new ArrayList<>(sources.size());
    for (KeySource s : sources) {
      parts.add(read.apply(s));
    }
    Snapshot seen = last;
    if (sameParts(seen.parts(), parts)) {
      return seen.merged();
    }
    List<VerificationKey> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.keys()));
    Snapshot next = new Snapshot(List.copyOf(parts), new KeySet(all));
    last = next;
    return next.merged();
  }

  private static boolean sameParts(List<KeySet> a, List<KeySet> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
