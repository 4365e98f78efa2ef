package org.mlrcopilot.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module and package rules of ARCHITECTURE.md, checked on the compiled code of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mlrcopilot");
    }

    @Test
    void importsEveryModule() {
        classes().should().resideInAnyPackage("org.mlrcopilot..").check(classes);
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.mlrcopilot.config"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.mlrcopilot.sandbox.docker"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.mlrcopilot.papers.fetch"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.mlrcopilot.bot.cli"))
                .isTrue();
    }

    @Test
    void dockerJavaOnlyInTheDockerSandbox() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mlrcopilot.sandbox.docker..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void configDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("org.mlrcopilot.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.mlrcopilot.sandbox..",
                        "org.mlrcopilot.agents..",
                        "org.mlrcopilot.papers..",
                        "org.mlrcopilot.bot..")
                .check(classes);
    }

    @Test
    void sandboxDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("org.mlrcopilot.sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.mlrcopilot.config..",
                        "org.mlrcopilot.agents..",
                        "org.mlrcopilot.papers..",
                        "org.mlrcopilot.bot..")
                .check(classes);
    }

    @Test
    void agentsNeverReachTheBotConfigOrPapers() {
        noClasses()
                .that()
                .resideInAPackage("org.mlrcopilot.agents..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.mlrcopilot.bot..", "org.mlrcopilot.config..", "org.mlrcopilot.papers..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void papersDependOnTheCoreOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.mlrcopilot.papers..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.mlrcopilot.bot..", "org.mlrcopilot.config..", "org.mlrcopilot.sandbox..")
                .check(classes);
    }

    @Test
    void agentsUseNoOutboundIoLibraries() {
        noClasses()
                .that()
                .resideInAPackage("org.mlrcopilot.agents..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "okhttp3..",
                        "okio..",
                        "org.apache.pdfbox..",
                        "org.jsoup..",
                        "dev.langchain4j.model.embedding.onnx..",
                        "ai.onnxruntime..")
                .check(classes);
    }

    @Test
    void documentLibrariesOnlyInTheirReaders() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mlrcopilot.papers.pdf..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.pdfbox..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mlrcopilot.papers.html..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jsoup..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mlrcopilot.papers.literature..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.langchain4j.model.embedding.onnx..", "ai.onnxruntime..")
                .check(classes);
    }

    @Test
    void chatAdaptersDoNotKnowTheResearchCore() {
        noClasses()
                .that()
                .resideInAPackage("org.mlrcopilot.bot.chat..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.mlrcopilot.agents..")
                .check(classes);
    }

    @Test
    void javalinOnlyInTheHttpServerAndTheWebChat() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.mlrcopilot.bot.http..", "org.mlrcopilot.bot.chat.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..")
                .check(classes);
    }

    @Test
    void slackSdkOnlyInTheSlackAdapter() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mlrcopilot.bot.chat.slack..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.slack.api..")
                .check(classes);
    }

    @Test
    void jdaOnlyInTheDiscordAdapter() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mlrcopilot.bot.chat.discord..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("net.dv8tion..")
                .check(classes);
    }

    @Test
    void passwordHashingOnlyInTheAuthPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mlrcopilot.bot.auth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.bouncycastle..")
                .check(classes);
    }

    @Test
    void openIdConnectOnlyInItsPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mlrcopilot.bot.auth.oidc..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.nimbusds..")
                .check(classes);
    }

    @Test
    void databaseCodeOnlyInTheStore() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mlrcopilot.bot.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "org.jdbi..",
                        "org.flywaydb..",
                        "org.h2..",
                        "org.postgresql..",
                        "com.zaxxer.hikari..")
                .check(classes);
    }

    @Test
    void everyOutboundFetchGoesThroughTheGuardedClient() {
        // The Slack adapter reads the status and Retry-After of the SDK's own answers to its fixed Web API
        // (Bolt's HTTP client, like the LLM providers' clients); it fetches nothing a user names. The Slurm backend
        // talks to the operator's slurmrestd (like the Docker engine's socket), never to an address a user names.
        // The language-model client (bot.llm) talks to the configured provider's fixed API only, and reads its
        // Retry-After.
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "org.mlrcopilot.papers.fetch..",
                        "org.mlrcopilot.bot.chat.slack..",
                        "org.mlrcopilot.sandbox.slurm..",
                        "org.mlrcopilot.bot.llm..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "java.net.http..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.net.URL")
                .check(classes);
    }

    @Test
    void agentsUseOnlyLangchainInterfacesNotProviders() {
        noClasses()
                .that()
                .resideInAPackage("org.mlrcopilot.agents..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.langchain4j.model.anthropic..",
                        "dev.langchain4j.model.openai..",
                        "dev.langchain4j.model.ollama..")
                .check(classes);
    }

    @Test
    void oneLoggingApi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.lang.System$Logger")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.logging.Logger")
                .because("everything logs through SLF4J")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.mlrcopilot.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sandboxBackendsDoNotKnowEachOther() {
        slices().matching("org.mlrcopilot.sandbox.(docker|bwrap|process)..")
                .should()
                .notDependOnEachOther()
                .check(classes);
    }
}
