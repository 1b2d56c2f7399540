package dev.tusk.rest.server;

import dev.tusk.core.metrics.PromText;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The API's Prometheus metrics: requests by method and status, and a latency histogram. Counters
 * are LongAdders (contention-free under load); a scrape reads a consistent-enough view.
 */
public final class RestMetrics {

  static final double[] BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
  private final LongAdder count = new LongAdder();
  private final LongAdder sumMicros = new LongAdder();

  public RestMetrics() {
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  public void observe(String method, int status, Duration took) {
    requests.computeIfAbsent(method + " " + status, k -> new LongAdder()).increment();
    double seconds = took.toNanos() / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        buckets[i].increment();
      }
    }
    count.increment();
    sumMicros.add(took.toNanos() / 1000);
  }

  public void write(PromText out) {
    out.family(
        "tusk_rest_requests_total",
        PromText.Type.COUNTER,
        "REST API requests by method and status");
    requests.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              String[] k = e.getKey().split(" ", 2);
              out.sample(
                  "tusk_rest_requests_total", e.getValue().sum(), "method", k[0], "status", k[1]);
            });
    out.family(
        "tusk_rest_request_duration_seconds",
        PromText.Type.HISTOGRAM,
        "REST API request latency, from request parsed to response built");
    for (int i = 0; i < BUCKETS.length; i++) {
      out.sample(
          "tusk_rest_request_duration_seconds_bucket",
          buckets[i].sum(),
          "le",
          PromText.format(BUCKETS[i]));
    }
    out.sample("tusk_rest_request_duration_seconds_bucket", count.sum(), "le", "+Inf");
    out.sample("tusk_rest_request_duration_seconds_sum", sumMicros.sum() / 1e6);
    out.sample("tusk_rest_request_duration_seconds_count", count.sum());
  }
}
