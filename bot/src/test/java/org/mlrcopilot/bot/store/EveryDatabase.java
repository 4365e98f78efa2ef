package org.mlrcopilot.bot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs an {@link OnEveryDatabase} test on H2 and on PostgreSQL, handing it the {@link TestStores} of each. */
final class EveryDatabase implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EveryDatabase.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation("H2", EveryDatabase::h2), invocation("PostgreSQL", EveryDatabase::postgres));
    }

    private interface Opener {
        TestStores stores(ExtensionContext invocation);
    }

    private static TestTemplateInvocationContext invocation(String name, Opener opener) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return name;
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                ParameterResolver stores = new ParameterResolver() {
                    @Override
                    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                        return p.getParameter().getType() == TestStores.class;
                    }

                    @Override
                    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                        return opener.stores(e);
                    }
                };
                return name.equals("PostgreSQL")
                        ? List.of(stores, (ExecutionCondition) e -> postgresAvailable())
                        : List.of(stores);
            }
        };
    }

    private static ConditionEvaluationResult postgresAvailable() {
        return TestPostgres.unreachable()
                .filter(why -> !TestPostgres.required())
                .map(why -> ConditionEvaluationResult.disabled("no PostgreSQL: " + why))
                .orElse(ConditionEvaluationResult.enabled("PostgreSQL"));
    }

    private static TestStores h2(ExtensionContext invocation) {
        try {
            Path dir = Files.createTempDirectory("mlr-store-test");
            invocation.getStore(NAMESPACE).put("dir", (AutoCloseable) () -> delete(dir));
            return () -> Stores.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh schema per test in a database per test class, dropped after the class. */
    private static TestStores postgres(ExtensionContext invocation) {
        TestPostgres.unreachable().ifPresent(why -> {
            throw new IllegalStateException("PostgreSQL is required (mlr.requirePostgres=true) but " + why);
        });
        ExtensionContext testClass =
                invocation.getParent().flatMap(ExtensionContext::getParent).orElseThrow();
        ClassDatabase database = testClass
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        "postgres",
                        k -> new ClassDatabase(TestPostgres.server()
                                .createDatabase(testClass.getRequiredTestClass().getSimpleName())),
                        ClassDatabase.class);
        String schema = "t" + database.schemas.incrementAndGet();
        return () -> database.database.open(schema);
    }

    private record ClassDatabase(TestPostgres.Database database, AtomicInteger schemas) implements AutoCloseable {
        ClassDatabase(TestPostgres.Database database) {
            this(database, new AtomicInteger());
        }

        @Override
        public void close() {
            database.close();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
