package dev.tusk.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: {@code @ExtendWith(TuskPostgres.class)} on a test class gives its tests (and
 * its {@code @BeforeAll}) a {@link TestDatabase} parameter, a database of its own on one real
 * PostgreSQL server shared by the whole run; {@link TestServer} is also injectable. The server
 * starts on first use and stops when the run ends.
 */
public final class TuskPostgres implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(TuskPostgres.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    Class<?> t = p.getParameter().getType();
    return t == TestDatabase.class || t == TestServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == TestServer.class ? server(e) : database(e);
  }

  private static TestServer server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent("server", k -> TestServer.start(), TestServer.class);
  }

  private static TestDatabase database(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NS)
        .getOrComputeIfAbsent(
            "database:" + testClass.getName(),
            k -> server(context).newDatabase(testClass.getSimpleName()),
            TestDatabase.class);
  }
}
