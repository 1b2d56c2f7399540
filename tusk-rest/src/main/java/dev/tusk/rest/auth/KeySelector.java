package dev.tusk.rest.auth;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which keys may verify a token, by PostgREST's kid rule: a token with a {@code kid} is checked
 * only against keys with that kid (after one rate-limited refetch if none has it); a token without
 * one is checked against every key of the right type. The alg/key-type tie of {@link
 * JwtAlgorithm#fits} applies first, so no kid can steer an HS256 token to an RSA key.
 */
final class KeySelector {

  /** The keys to try, and the set they came from (for the cache). */
  record Candidates(KeySet from, List<VerificationKey> keys) {}

  private KeySelector() {}

  static Candidates select(CompactJws jws, KeySet keys, KeySource source) {
    Optional<String> kid = jws.kid();
    List<VerificationKey> fitting = fitting(jws.alg(), keys, kid);
    if (fitting.isEmpty() && kid.isPresent()) {
      keys = source.keysAfterUnknownKid(kid.get());
      fitting = fitting(jws.alg(), keys, kid);
    }
    if (!fitting.isEmpty()) {
      return new Candidates(keys, fitting);
    }
    String known =
        keys.keys().stream()
            .map(k -> k.kid().map(CompactJws::printable).orElse("(no kid)"))
            .collect(Collectors.joining(", "));
    throw AuthError.invalid(
        AuthError.NO_KEY,
        kid.map(
                k ->
                    "no "
                        + jws.alg()
                        + " key has kid \""
                        + CompactJws.printable(k)
                        + "\"; the trusted keys are: "
                        + (known.isEmpty() ? "none" : known))
            .orElse(
                "none of the "
                    + keys.keys().size()
                    + " trusted keys can verify "
                    + jws.alg()
                    + (jws.alg().family() == JwtAlgorithm.Family.HMAC
                        ? " (HS algorithms need api.jwt.secret)"
                        : " (it needs a matching key in the JWKS)")));
  }

  private static List<VerificationKey> fitting(
      JwtAlgorithm alg, KeySet keys, Optional<String> kid) {
    return keys.keys().stream()
        .filter(alg::fits)
        .filter(k -> kid.isEmpty() || k.kid().equals(kid))
        .toList();
  }
}
