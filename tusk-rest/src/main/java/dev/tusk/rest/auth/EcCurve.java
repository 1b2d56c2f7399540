package dev.tusk.rest.auth;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Optional;

/** The NIST curves JOSE names (RFC 7518 §6.2.1.1), each with its fixed coordinate size. */
public enum EcCurve {
  P_256("P-256", "secp256r1", 32),
  P_384("P-384", "secp384r1", 48),
  P_521("P-521", "secp521r1", 66);

  private final String joseName;
  private final String jcaName;
  private final int size;
  private final ECParameterSpec params;

  EcCurve(String joseName, String jcaName, int size) {
    this.joseName = joseName;
    this.jcaName = jcaName;
    this.size = size;
    try {
      AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
      p.init(new ECGenParameterSpec(jcaName));
      this.params = p.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks curve " + jcaName, e);
    }
  }

  public static Optional<EcCurve> byJoseName(String name) {
    for (EcCurve c : values()) {
      if (c.joseName.equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public String joseName() {
    return joseName;
  }

  public String jcaName() {
    return jcaName;
  }

  /** Bytes in one coordinate, and in each half of a JOSE signature. */
  public int size() {
    return size;
  }

  public ECParameterSpec params() {
    return params;
  }

  /** The group order n: ECDSA's r and s must lie in [1, n-1]. */
  BigInteger order() {
    return params.getOrder();
  }

  /**
   * Whether (x, y) satisfies y² = x³ + ax + b (mod p) with both coordinates in the field: a point
   * off the curve is how invalid-curve attacks start, so a JWK carrying one is refused.
   */
  boolean contains(BigInteger x, BigInteger y) {
    BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger a = params.getCurve().getA();
    BigInteger b = params.getCurve().getB();
    BigInteger left = y.multiply(y).mod(p);
    BigInteger right = x.pow(3).add(a.multiply(x)).add(b).mod(p);
    return left.equals(right);
  }
}
