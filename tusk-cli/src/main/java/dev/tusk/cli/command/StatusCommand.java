package dev.tusk.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.core.config.TuskConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tusk status}: asks the admin server; exit 0 healthy, 1 degraded, 2 down. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Health of every component; exit 0 healthy, 1 degraded, 2 down.")
public final class StatusCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(names = "--json", description = "print the admin server's /status JSON")
  boolean json;

  public StatusCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    TuskConfig cfg = config.load(cli);
    String host =
        cfg.admin().listen().contains(":")
            ? "[" + cfg.admin().listen() + "]"
            : cfg.admin().listen();
    URI uri = URI.create("http://" + host + ":" + cfg.admin().port() + "/status");
    JsonNode status;
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      status = JSON.readTree(r.body());
    } catch (IOException e) {
      return down(cfg, uri, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down(cfg, uri, "interrupted");
    }
    String overall = status.path("status").asText("down");
    if (json) {
      cli.out().println(status.toPrettyString());
    } else {
      print(status);
    }
    return switch (overall) {
      case "healthy" -> 0;
      case "degraded" -> 1;
      default -> 2;
    };
  }

  private int down(TuskConfig cfg, URI uri, String why) {
    if (json) {
      cli.out()
          .println(
              JSON.createObjectNode()
                  .put("cluster", cfg.cluster().name())
                  .put("status", "down")
                  .put("error", "admin server at " + uri + " unreachable: " + why)
                  .toPrettyString());
    } else {
      cli.out().println("cluster " + cfg.cluster().name() + ": down");
      cli.out()
          .println(
              "  admin server at " + uri + " is unreachable (" + why + "); is tusk up running?");
    }
    return 2;
  }

  private void print(JsonNode s) {
    JsonNode pg = s.path("postgres");
    cli.out().println("cluster " + s.path("cluster").asText() + ": " + s.path("status").asText());
    cli.out().println("  uptime     " + s.path("uptime_seconds").asLong() + " s");
    cli.out()
        .println(
            "  postgres   "
                + pg.path("state").asText()
                + (pg.has("version") ? ", PostgreSQL " + pg.path("version").asText() : "")
                + (pg.has("pid") ? ", pid " + pg.path("pid").asLong() : "")
                + ", restarts "
                + pg.path("restarts").asInt());
    if (pg.has("data_size_bytes")) {
      cli.out()
          .println("  data size  " + pg.path("data_size_bytes").asLong() / (1024 * 1024) + " MiB");
    }
    if (pg.has("connections")) {
      StringBuilder c = new StringBuilder("  connections ");
      long total = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = pg.path("connections").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        total += e.getValue().asLong();
        c.append(e.getKey()).append('=').append(e.getValue().asLong()).append(' ');
      }
      cli.out()
          .println(
              c.append("(total ")
                  .append(total)
                  .append(" of ")
                  .append(pg.path("max_connections").asInt())
                  .append(')'));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("components").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      cli.out().println("  component  " + e.getKey() + ": " + e.getValue().asText());
    }
  }
}
