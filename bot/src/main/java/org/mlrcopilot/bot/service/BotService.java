package org.mlrcopilot.bot.service;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.research.ResearchService;
import org.mlrcopilot.agents.research.ResearchSettings;
import org.mlrcopilot.agents.research.ResearchState;
import org.mlrcopilot.bot.auth.Accounts;
import org.mlrcopilot.bot.auth.Role;
import org.mlrcopilot.bot.chat.discord.DiscordPlatform;
import org.mlrcopilot.bot.chat.slack.SlackPlatform;
import org.mlrcopilot.bot.chat.web.WebChat;
import org.mlrcopilot.bot.conversation.Conversation;
import org.mlrcopilot.bot.conversation.ConversationStores;
import org.mlrcopilot.bot.http.AuthRoutes;
import org.mlrcopilot.bot.http.Dashboard;
import org.mlrcopilot.bot.http.HealthMonitor;
import org.mlrcopilot.bot.http.RawEndpoint;
import org.mlrcopilot.bot.http.RequestGuard;
import org.mlrcopilot.bot.http.Routes;
import org.mlrcopilot.bot.http.WebServer;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.metrics.CountingUsageStore;
import org.mlrcopilot.bot.metrics.ServiceMetrics;
import org.mlrcopilot.bot.papers.Papers;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;
import org.mlrcopilot.bot.wiring.ServiceTools;
import org.mlrcopilot.bot.wiring.Wiring;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.sandbox.Sandbox;
import org.slf4j.LoggerFactory;

/**
 * The running bot: store, metrics, language model, sandbox, research service, conversation rules, the web chat
 * and the HTTP server, wired from the configuration. Closing it stops everything in reverse order.
 */
public final class BotService implements AutoCloseable {

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final Store store;
    private final ResearchService research;
    private final Conversation conversation;
    private final WebChat web;
    private final WebServer server;
    private final ServiceMetrics metrics;

    /** Without sign-in (web.auth=none) the web chat lets anyone act as anyone: this machine only. */
    static void refuseUnguardedExposure(MlrConfig config) {
        if (config.web().auth().equals("none") && !config.web().loopback()) {
            throw new org.mlrcopilot.config.ConfigException(
                    "web.bindAddress=" + config.web().bindAddress()
                            + " would let anyone who reaches the port act as anyone in the web chat, which has no sign-in of "
                            + "its own (web.auth=none): bind 127.0.0.1, or turn sign-in on (web.auth=local), or put an "
                            + "authenticating reverse proxy in front and set web.auth=proxy");
        }
    }

    private BotService(MlrConfig config, Components c, PrintStream report) {
        Clock clock = Clock.systemUTC();
        this.store = c.store();
        this.metrics = c.metrics();
        Wiring wiring = new Wiring(config, clock);
        GuardedHttpClient http = keep(wiring.http());
        Papers papers = keep(Papers.create(config, store.papers()));
        ServiceTools tools = new ServiceTools(
                wiring,
                papers,
                c.models(),
                c.sandbox(),
                new CountingUsageStore(store.usage(), metrics),
                store.checkpoints(),
                http);
        Accounts accounts =
                config.web().auth().equals("local") ? new Accounts(store.auth(), clock, store.audit()) : null;
        ConversationStores stores = new ConversationStores(store, store, store, store.usage());
        ResearchState state = new ResearchState(store, store, store.checkpoints(), store.usage());
        ResearchSettings settings = new ResearchSettings(
                config.service().approvers(),
                config.service().hypotheses(),
                // a tree search's steps are its nodes
                "tree".equals(config.experiment().search())
                        ? config.experiment().maxNodes()
                        : config.experiment().maxSteps(),
                config.experiment().maxDatasetBytes(),
                config.budget().perPersonUsd(),
                config.budget().researchesPerHour());
        Conversation.Settings talk = new Conversation.Settings(
                config.budget().perDayUsd(),
                config.fetch().maxBytes(),
                config.service().statusInterval(),
                people(accounts),
                store.audit());
        this.conversation = keep(new Conversation(
                stores,
                metrics,
                talk,
                events -> new ResearchService(
                        state,
                        events,
                        tools,
                        settings,
                        clock,
                        config.service().ideaWorkers(),
                        config.service().runWorkers())));
        this.research = keep(conversation.service());
        this.web = keep(new WebChat(config.store().dataDir(), clock));
        conversation.add(web);
        Dashboard dashboard = new Dashboard(stores, conversation::displayName);
        List<Routes> routes = new ArrayList<>(List.of(web.routes(), dashboard));
        SlackPlatform slack = SlackSetup.platform(config, report);
        if (slack != null) {
            conversation.add(slack);
            if (config.slack().mode().equals("http")) {
                routes.add(RawEndpoint.post("/slack/events", slack.events()));
            }
            SlackSetup.connect(config, slack);
        }
        DiscordPlatform discord = DiscordSetup.platform(config, report);
        if (discord != null) {
            conversation.add(discord);
            DiscordSetup.connect(discord, report);
        }
        AuthRoutes auth = null;
        if (accounts != null) {
            auth = new AuthRoutes(
                    accounts,
                    config.web().publicBase(),
                    store.audit(),
                    singleSignOn(config, clock, report),
                    Role.parse(config.web().oidc().role()));
            routes.add(auth);
            accounts.firstAdminInvite()
                    .ifPresent(code -> report.println("web: sign-in with local accounts; the " + "first admin joins at "
                            + config.web().publicBase() + "/invite/" + code + " (one use, 3 days)"));
        }
        if (auth == null && config.web().oidc().enabled()) {
            report.println("web: single sign-on is off: web.oidc.issuer is set but web.auth is "
                    + config.web().auth() + " (single sign-on works with web.auth=local)");
        }
        List<String> hosts = new ArrayList<>(config.web().allowedHosts());
        hosts.add(config.web().bindAddress());
        hosts.add(RequestGuard.hostOf(config.web().publicUrl()));
        this.server = keep(WebServer.start(
                config.web().bindAddress(),
                config.web().port(),
                routes,
                keep(HealthMonitor.start(() -> health(c, config.store().dataDir()))),
                metrics.registry(),
                new RequestGuard(
                        hosts,
                        config.web().metricsToken().isPresent()
                                ? config.web().metricsToken().reveal()
                                : "",
                        auth)));
        int resumed = research.recover();
        if (resumed > 0) {
            report.println("recovered " + resumed + " researches and runs interrupted by the last shutdown");
        }
    }

    /** The people behind chat identities: the web accounts and the chat identities linked to them, if any. */
    private static org.mlrcopilot.bot.conversation.People people(Accounts accounts) {
        if (accounts == null) {
            return org.mlrcopilot.bot.conversation.People.none();
        }
        return new org.mlrcopilot.bot.conversation.People() {
            @Override
            public java.util.Optional<String> linkCode(String platform, String user) {
                return java.util.Optional.of(accounts.linkCode(platform, user));
            }

            @Override
            public java.util.Optional<Linked> linked(String platform, String user) {
                return (platform.equals("web") ? accounts.personById(user) : accounts.personOf(platform, user))
                        .map(p -> new Linked(p.name(), p.role().mayApprove()));
            }
        };
    }

    /** Single sign-on through the configured OpenID Connect provider, null when none is set. */
    private org.mlrcopilot.bot.auth.oidc.OidcSignIn singleSignOn(MlrConfig config, Clock clock, PrintStream report) {
        var oidc = config.web().oidc();
        if (!oidc.enabled()) {
            return null;
        }
        var policy = Papers.policy(config.fetch());
        GuardedHttpClient http = keep(new GuardedHttpClient(
                policy.withAllowPrivateAddresses(policy.allowPrivateAddresses() || oidc.allowPrivateAddresses())));
        report.println("web: single sign-on with " + oidc.issuer() + " (\"Sign in with " + oidc.label() + "\")");
        return new org.mlrcopilot.bot.auth.oidc.OidcSignIn(
                oidc, java.net.URI.create(config.web().publicBase() + "/api/auth/oidc/callback"), http, clock);
    }

    /** Starts the bot; {@code report} gets the start-up lines (what is enabled, what is missing). */
    public static BotService start(MlrConfig config, PrintStream report) {
        refuseUnguardedExposure(config);
        Components c = Components.from(config, report);
        try {
            return new BotService(config, c, report);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * What /healthz says: "ok" (200), or "failing" (503) naming each component that cannot do its job now (the
     * database, the sandbox engine, a chat platform whose latest write failed). Run by the {@link HealthMonitor} on
     * its own thread, every check with its own deadline; /healthz answers from the last result at once.
     */
    /** The store's schema version, read once: the health checks run every two seconds and it does not change. */
    private volatile String schema;

    private Map<String, Object> health(Components c, java.nio.file.Path dataDir) {
        if (schema == null) {
            schema = check("database", new LinkedHashMap<>(), store::schemaVersion);
        }
        Map<String, Object> h = new LinkedHashMap<>();
        Map<String, String> failing = new LinkedHashMap<>();
        h.put("status", "ok");
        h.put("schema", schema);
        h.put(
                "llm",
                c.models() == null
                        ? "none"
                        : c.models().provider() + " " + c.models().mainModel());
        h.put("sandbox", c.sandbox() == null ? "none" : c.sandbox().backend());
        if (c.sandbox() != null) {
            String problem =
                    check("sandbox", failing, () -> c.sandbox().problem().orElse(""));
            if (problem != null && !problem.isEmpty()) {
                failing.put("sandbox", problem);
            }
        }
        h.put("activeRuns", check("database", failing, () -> store.activeRuns().size()));
        String unwritable =
                check("database", failing, () -> store.writeProblem().orElse(""));
        if (unwritable != null && !unwritable.isEmpty()) {
            failing.putIfAbsent("database", "cannot write: " + unwritable);
        }
        String workers = check("lanes", failing, () -> research.workersProblem().orElse(""));
        if (workers != null && !workers.isEmpty()) {
            failing.put("lanes", workers);
        }
        String disk = check("disk", failing, () -> DiskSpace.problem(dataDir));
        if (disk != null && !disk.isEmpty()) {
            failing.put("disk", disk);
        }
        conversation.failingPlatforms().forEach((platform, problem) -> failing.put("chat:" + platform, problem));
        if (!failing.isEmpty()) {
            h.put("status", "failing");
            h.put("failing", failing);
        }
        return h;
    }

    private static final java.util.concurrent.ExecutorService HEALTH =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "health-check");
                t.setDaemon(true);
                return t;
            });

    /** The value of one check, null (and the component named in {@code failing}) when it fails or takes too long. */
    private static <T> T check(String component, Map<String, String> failing, java.util.concurrent.Callable<T> probe) {
        java.util.concurrent.Future<T> answer = HEALTH.submit(probe);
        try {
            return answer.get(800, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            failing.putIfAbsent(component, "no answer within 800 ms");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failing.putIfAbsent(
                    component, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failing.putIfAbsent(component, "interrupted");
        }
        return null;
    }

    private <T extends AutoCloseable> T keep(T part) {
        parts.add(part);
        return part;
    }

    public int port() {
        return server.port();
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    /** Every route of the web server, as "METHOD /path". */
    public List<String> endpoints() {
        return server.endpoints();
    }

    public Store store() {
        return store;
    }

    public ResearchService research() {
        return research;
    }

    public Conversation conversation() {
        return conversation;
    }

    public WebChat web() {
        return web;
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LoggerFactory.getLogger("mlr.service").warn("stopping: " + e.getMessage());
            }
        }
        store.close();
    }

    /** What the service is built on, resolved once at start-up. */
    record Components(Store store, ServiceMetrics metrics, LlmModels models, Sandbox sandbox) {

        static Components from(MlrConfig config, PrintStream report) {
            ServiceMetrics metrics = new ServiceMetrics();
            LlmModels models = StartupReport.models(config, report);
            Sandbox sandbox = StartupReport.sandbox(config, metrics, report);
            Store store = Stores.open(config.store());
            report.println("store: " + store.description() + " (schema " + store.schemaVersion() + ")");
            return new Components(store, metrics, models, sandbox);
        }

        void close() {
            if (sandbox != null) {
                sandbox.close();
            }
            store.close();
        }
    }
}
