package dev.tusk.cli.command;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.rest.auth.TokenMinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tusk token}: mint a JWT with {@code api.jwt.secret}, for trying the REST API as a role.
 * The logic (claims, ttl, signing) is {@link TokenMinter} in tusk-rest, so what this prints is
 * exactly what the API's verifier accepts; this class only maps options and prints.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Mint a JWT signed with the configured secret (api.jwt.secret).")
public final class TokenCommand implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description = "the database role the token runs as")
  String role;

  @Option(names = "--sub", paramLabel = "S", description = "the sub (subject) claim")
  String sub;

  @Option(
      names = "--claim",
      paramLabel = "K=V",
      description =
          "another claim, repeatable: k=v for a string, k:=json for a number, boolean, array or"
              + " object")
  List<String> claims = new ArrayList<>();

  @Option(
      names = "--ttl",
      paramLabel = "TTL",
      description = "lifetime: 30s, 15m, 1h (the default), 7d")
  String ttl;

  @Option(
      names = "--aud",
      paramLabel = "A",
      description = "the aud claim (default: api.jwt.audience, when set)")
  String aud;

  @Option(
      names = "--alg",
      paramLabel = "ALG",
      defaultValue = "HS256",
      description = "HS256 (the default), HS384 or HS512")
  String alg;

  public TokenCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    TuskConfig cfg = config.load(cli);
    dev.tusk.core.config.ApiConfig api =
        cfg.api()
            .orElseThrow(
                () ->
                    new dev.tusk.core.error.ConfigException(
                        "token.no_api",
                        "the config has no api section, so there is no JWT secret to sign with",
                        "add api.jwt.secret to tusk.yaml (or TUSK_API_JWT_SECRET)"));
    TokenMinter.Minted minted =
        new TokenMinter(api.jwt(), cli.clock())
            .mint(
                new TokenMinter.Request(
                    role,
                    Optional.ofNullable(sub),
                    claims,
                    Optional.ofNullable(ttl),
                    Optional.ofNullable(aud),
                    alg));
    minted.warnings().forEach(cli.err()::println);
    cli.out().println(minted.token());
    return 0;
  }
}
