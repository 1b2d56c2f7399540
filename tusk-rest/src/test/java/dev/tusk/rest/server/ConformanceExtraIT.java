package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The project's own conformance cases ({@code conformance/extra/*.json}, in the shared suite's
 * format) over HTTP against the fixture's server, configured as the shared suite runs Tusk. Each
 * case's expectation is PostgREST 12's documented answer; writes send {@code Prefer: tx=rollback},
 * so the cases run in file order against the fixture as loaded.
 */
@ExtendWith(TuskPostgres.class)
class ConformanceExtraIT {

  private static RestServer server;
  private static ConformanceCases runner;

  @BeforeAll
  static void start(TestDatabase db) throws Exception {
    server = FixtureServer.start(db);
    runner = new ConformanceCases(server, FixtureServer.SECRET, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> extraCases() {
    List<ConformanceCases.Case> cases = ConformanceCases.load("/conformance/extra");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.toString(),
                    () -> {
                      List<String> problems = runner.run(c);
                      assertThat(problems).as(ConformanceCases.describe(c, problems)).isEmpty();
                    }));
  }
}
