package dev.tusk.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code api.jwt}: how bearer tokens are verified. HS256/384/512 use {@code secret} (at least 32
 * bytes, after base64 decoding when {@code secretIsBase64}); RS/ES/EdDSA keys come from a JWKS file
 * or URL. As in PostgREST, {@code secret} may instead hold a JWK or a JWK set as JSON (its first
 * non-blank character, after decoding, is '{'; the loader has checked it parses and has "kty" or a
 * non-empty "keys"). {@code roleClaimKey} is PostgREST's JSPath ({@code .role}, {@code
 * ."https://x".roles[0]}, {@code .roles[?(@ == "admin")]}), checked by the loader. {@code
 * cookieName}, when set, also reads the token from that cookie (beyond PostgREST).
 */
public record JwtConfig(
    Optional<Secret> secret,
    boolean secretIsBase64,
    Optional<Path> jwksFile,
    Optional<URI> jwksUrl,
    Optional<String> audience,
    String roleClaimKey,
    Optional<String> cookieName,
    Duration clockSkew) {}
