package dev.tusk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code tusk config print}. The golden file holds the print of print-input.yaml loaded from a
 * temporary directory, with that directory written as {@code /TMP}; regenerate it only after
 * reading the diff.
 */
class ConfigPrinterTest {

  static final Pattern REDACTED = Pattern.compile("'<redacted: (env|file):([^>']*)>'");

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ConfigPrinterTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private TuskConfig representative() throws IOException {
    f.env("TUSK_SUPERUSER_PASSWORD", "env-pw");
    f.env("TUSK_JWT_SECRET", "jwt-secret-from-env-0123456789abcdef");
    f.write("secrets/authenticator", "file-pw\n");
    return f.load(resource("print-input.yaml"));
  }

  @Test
  void printMatchesTheGoldenFile() throws IOException {
    String printed = ConfigPrinter.print(representative());

    assertThat(printed.replace(tmp.toString(), "/TMP")).isEqualTo(resource("print-golden.yaml"));
  }

  @Test
  void printIsDeterministic() throws IOException {
    assertThat(ConfigPrinter.print(representative()))
        .isEqualTo(ConfigPrinter.print(representative()));
  }

  @Test
  void secretsAreRedacted() throws IOException {
    String printed = ConfigPrinter.print(representative());

    assertThat(printed)
        .doesNotContain("env-pw")
        .doesNotContain("file-pw")
        .doesNotContain("literal-pw")
        .doesNotContain("jwt-secret-from-env")
        .contains("    secret: '<redacted: env:TUSK_JWT_SECRET>'")
        .contains("superuser_password: '<redacted: env:TUSK_SUPERUSER_PASSWORD>'")
        .contains("password: '<redacted: literal>'");
  }

  @Test
  void withoutAnApiSectionNoApiIsPrinted() {
    String printed = ConfigPrinter.print(f.loadNoFile());
    Map<String, Object> root =
        map(new Load(LoadSettings.builder().build()).loadFromString(printed));

    assertThat(root.keySet())
        .containsExactlyElementsOf(
            ConfigBinder.SECTIONS.stream().filter(s -> !s.equals("api")).toList());
  }

  @Test
  void withoutAMigrationsSectionTheDefaultsArePrinted() {
    String printed = ConfigPrinter.print(f.loadNoFile());

    assertThat(printed.replace(tmp.toString(), "/TMP"))
        .contains(
            """
            migrations:
              dir: /TMP/migrations
              database: app
              auto_apply: true
              allow_out_of_order: false
              tenant_dir: null
              as_role: app_owner
            admin:
            """);
  }

  @Test
  void everyRegistryKeyIsPrintedEvenWhenNull() {
    f.env("TUSK_API_ANON_ROLE", "api_anonymous");
    String printed = ConfigPrinter.print(f.loadNoFile());
    Map<String, Object> root =
        map(new Load(LoadSettings.builder().build()).loadFromString(printed));

    assertThat(root.keySet()).containsExactlyElementsOf(ConfigBinder.SECTIONS);
    assertThat(map(root.get("api")).keySet())
        .containsAll(ApiSection.NESTED)
        .hasSize(ConfigOption.in("api").size() + ApiSection.NESTED.size());
    assertThat(map(map(root.get("api")).get("jwt")).keySet())
        .hasSize(ConfigOption.in("api.jwt").size());
    assertThat(map(root.get("migrations")).keySet())
        .containsExactlyElementsOf(
            ConfigOption.in("migrations").stream().map(o -> o.leaf()).toList());
    for (ConfigOption o : ConfigOption.values()) {
      Map<String, Object> section = root;
      for (String part : o.section().split("\\.")) {
        section = map(section.get(part));
      }
      assertThat(section).as(o.key()).containsKey(o.leaf());
    }
    assertThat(map(((List<?>) root.get("roles")).get(0)).keySet())
        .containsExactlyElementsOf(RolesSection.KEYS);
    assertThat(map(((List<?>) root.get("databases")).get(0)).keySet())
        .containsExactlyElementsOf(DatabasesSection.KEYS);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @Test
  void theRepresentativeConfigRoundTrips() throws IOException {
    TuskConfig original = representative();

    TuskConfig reloaded = reload(ConfigPrinter.print(original), List.of("literal-pw"));

    assertThat(withoutSource(reloaded)).isEqualTo(withoutSource(original));
  }

  @Test
  void theDefaultConfigRoundTrips() {
    TuskConfig original = f.loadNoFile();

    TuskConfig reloaded = reload(ConfigPrinter.print(original), List.of());

    assertThat(withoutSource(reloaded)).isEqualTo(withoutSource(original));
  }

  @Test
  void anApiWithADbUriRoundTripsWithoutItsUserAndDatabase() {
    f.env("TUSK_API_DB_URI", "postgres://web_auth:pw@db.example.com/crm");
    TuskConfig original =
        f.load(
            Fixture.yaml(
                "api:",
                "  anon_role: web_anon",
                "  jwt: { secret: \"literal-secret-literal-secret-12\", jwks_url: \"http://localhost/k\" }",
                "  max_rows: 10"));
    String printed = ConfigPrinter.print(original);

    assertThat(printed)
        .contains("  database: null\n  user: null\n  password: null\n")
        .contains("  db_uri: '<redacted: env:TUSK_API_DB_URI>'")
        .contains("    jwks_url: http://localhost/k")
        .doesNotContain("literal-secret");
    TuskConfig reloaded = reload(printed, List.of("literal-secret-literal-secret-12"));
    assertThat(withoutSource(reloaded)).isEqualTo(withoutSource(original));
    assertThat(reloaded.api().orElseThrow().user()).isEqualTo("web_auth");
  }

  @Test
  void aDisabledApiRoundTrips() {
    TuskConfig original =
        f.load(Fixture.yaml("api: { enabled: false, pre_request: \"cost$${x}.f\" }"));

    TuskConfig reloaded = reload(ConfigPrinter.print(original), List.of());

    assertThat(withoutSource(reloaded)).isEqualTo(withoutSource(original));
    assertThat(reloaded.api().orElseThrow().preRequest()).contains("cost${x}.f");
  }

  /** Puts the secrets back (references as references, literals by value) and loads again. */
  private TuskConfig reload(String printed, List<String> literals) {
    Matcher m = REDACTED.matcher(printed);
    String text =
        m.replaceAll(r -> Matcher.quoteReplacement("\"${" + r.group(1) + ":" + r.group(2) + "}\""));
    for (String literal : literals) {
      text = text.replaceFirst(Pattern.quote("'<redacted: literal>'"), "\"" + literal + "\"");
    }
    assertThat(text).doesNotContain("<redacted");
    f.write("printed/tusk.yaml", text);
    return f.loader().load(Optional.of(Path.of("printed/tusk.yaml")));
  }

  private static TuskConfig withoutSource(TuskConfig c) {
    return new TuskConfig(
        Optional.empty(),
        c.cluster(),
        c.postgres(),
        c.databases(),
        c.roles(),
        c.admin(),
        c.api(),
        c.migrations());
  }
}
