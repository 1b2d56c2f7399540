package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JWK Set document (RFC 7517 §5), or a single JWK as PostgREST also accepts. Keys that cannot be
 * used are skipped with a reason rather than failing the set: one exotic key from an identity
 * provider must not lock everyone out. A document with no usable key at all is an error.
 *
 * @param keys the usable keys
 * @param skipped one line per key left out: its position, kid and why
 */
record Jwks(KeySet keys, List<String> skipped) {

  static final int MAX_BYTES = 1024 * 1024;
  static final int MAX_KEYS = 100;

  Jwks {
    skipped = List.copyOf(skipped);
  }

  static Jwks parse(byte[] document) throws InvalidJwk {
    if (document.length > MAX_BYTES) {
      throw new InvalidJwk(
          "the document is " + document.length + " bytes; the limit is " + MAX_BYTES);
    }
    ObjectNode root;
    try {
      root = StrictJson.object(document);
    } catch (StrictJson.Invalid e) {
      throw new InvalidJwk("the document is " + e.getMessage());
    }
    List<JsonNode> entries = new ArrayList<>();
    JsonNode keys = root.get("keys");
    if (keys != null) {
      if (!keys.isArray()) {
        throw new InvalidJwk("\"keys\" is not an array");
      }
      if (keys.size() > MAX_KEYS) {
        throw new InvalidJwk("the set has " + keys.size() + " keys; the limit is " + MAX_KEYS);
      }
      keys.forEach(entries::add);
    } else if (root.has("kty")) {
      entries.add(root);
    } else {
      throw new InvalidJwk("the document has neither \"keys\" (a JWK Set) nor \"kty\" (a JWK)");
    }
    List<VerificationKey> usable = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      try {
        usable.add(JwkParser.parse(entry));
      } catch (InvalidJwk e) {
        JsonNode kid = entry.get("kid");
        String name =
            kid != null && kid.isTextual()
                ? " (kid " + CompactJws.printable(kid.textValue()) + ")"
                : "";
        skipped.add("key " + i + name + ": " + e.getMessage());
      }
    }
    if (usable.isEmpty()) {
      throw new InvalidJwk(
          "no usable key"
              + (skipped.isEmpty() ? " (the set is empty)" : ": " + String.join("; ", skipped)));
    }
    return new Jwks(new KeySet(usable), skipped);
  }
}
