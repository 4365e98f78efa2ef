package org.mlrcopilot.config;

import java.util.List;
import java.util.function.Function;

/**
 * Every configuration key in one table: its dotted name, default, type, description, conventional environment
 * variable names, and where its value lives in {@link MlrConfig}. The table is the single source: loading,
 * validation, {@code describe()}, the reference ({@link ConfigReference}) and unknown-key detection read it; finding
 * a key by name and naming its environment variable are {@link Keys}'.
 */
enum Key {
    SANDBOX_BACKEND(
            "sandbox.backend",
            "auto",
            ValueType.oneOf("auto", "docker", "bwrap", "slurm", "process"),
            c -> c.sandbox().backend(),
            "Where untrusted code runs: auto picks Docker or bubblewrap on this machine; slurm sends each execution "
                    + "to a Slurm cluster as a batch job; process has no isolation"),
    SANDBOX_IMAGE(
            "sandbox.image",
            "mlr-sandbox:0.1",
            ValueType.matching("\\S+", "must be an image name like mlr-sandbox:0.1"),
            c -> c.sandbox().image(),
            "Container image used by the docker backend"),
    SANDBOX_ROOTFS(
            "sandbox.rootfs",
            "/var/lib/mlr-copilot/sandbox-rootfs",
            ValueType.path(),
            c -> c.sandbox().rootfs(),
            "Root file system used by the bwrap backend"),
    SANDBOX_TIMEOUT(
            "sandbox.timeout",
            "10m",
            ValueType.duration(),
            c -> c.sandbox().timeout(),
            "Wall-clock limit for one sandboxed run"),
    SANDBOX_MEMORY(
            "sandbox.memory",
            "2g",
            ValueType.size(),
            c -> c.sandbox().memoryBytes(),
            "Memory limit for one sandboxed run"),
    SANDBOX_CPUS(
            "sandbox.cpus",
            "1.0",
            ValueType.positiveDecimal(),
            c -> c.sandbox().cpus(),
            "CPU cores available to one sandboxed run"),
    SANDBOX_PIDS_LIMIT(
            "sandbox.pidsLimit",
            "256",
            ValueType.integer(16, Integer.MAX_VALUE),
            c -> c.sandbox().pidsLimit(),
            "Maximum number of processes and threads inside the sandbox"),
    SANDBOX_OUTPUT_LIMIT(
            "sandbox.outputLimit",
            "1m",
            ValueType.size(),
            c -> c.sandbox().outputLimitBytes(),
            "Most stdout and stderr kept from one run; the rest is cut off"),
    SANDBOX_TMPFS_SIZE(
            "sandbox.tmpfsSize",
            "256m",
            ValueType.size(),
            c -> c.sandbox().tmpfsBytes(),
            "Size of the in-memory /tmp inside the sandbox"),
    SANDBOX_MAX_WORKSPACE_SIZE(
            "sandbox.maxWorkspaceSize",
            "512m",
            ValueType.size(),
            c -> c.sandbox().maxWorkspaceBytes(),
            "Largest workspace copied into or out of the sandbox"),
    SANDBOX_MAX_FILES(
            "sandbox.maxFiles",
            "10000",
            ValueType.integer(16, Integer.MAX_VALUE),
            c -> c.sandbox().maxFiles(),
            "Most files and directories a sandbox workspace may hold; a run that leaves more brings nothing back"),
    SANDBOX_NETWORK(
            "sandbox.network",
            "none",
            ValueType.matching("[A-Za-z0-9][A-Za-z0-9_.:-]*", "must be none, bridge, host or a network name"),
            c -> c.sandbox().network(),
            "Network for sandboxed code: none, bridge, host or a Docker network name"),
    SANDBOX_SLURM_SHARED_DIR(
            "sandbox.slurm.sharedDir",
            "/var/lib/mlr-copilot/slurm",
            ValueType.path(),
            c -> c.sandbox().slurm().sharedDir(),
            "A directory every Slurm node sees, where job workspaces and output live (sandbox.rootfs must be on "
                    + "shared storage too)"),
    SANDBOX_SLURM_PARTITION(
            "sandbox.slurm.partition",
            "",
            ValueType.matching("[A-Za-z0-9_.,-]*", "must be a partition name"),
            c -> c.sandbox().slurm().partition(),
            "Slurm partition for experiment jobs; empty: the cluster's default"),
    SANDBOX_SLURM_ACCOUNT(
            "sandbox.slurm.account",
            "",
            ValueType.matching("[A-Za-z0-9_.,-]*", "must be an account name"),
            c -> c.sandbox().slurm().account(),
            "Slurm account experiment jobs are charged to; empty: the user's default"),
    SANDBOX_SLURM_QOS(
            "sandbox.slurm.qos",
            "",
            ValueType.matching("[A-Za-z0-9_.,-]*", "must be a QoS name"),
            c -> c.sandbox().slurm().qos(),
            "Slurm quality of service for experiment jobs; empty: the default"),
    SANDBOX_SLURM_WRAPPER(
            "sandbox.slurm.wrapper",
            "bwrap",
            ValueType.matching("\\S.*", "must be bwrap or a command line"),
            c -> c.sandbox().slurm().wrapper(),
            "How a job confines the code on the node: bwrap (bubblewrap over sandbox.rootfs), or a command line the "
                    + "command is appended to, {workspace} for the job's workspace (Apptainer, enroot)"),
    SANDBOX_SLURM_POLL(
            "sandbox.slurm.poll",
            "2s",
            ValueType.duration(),
            c -> c.sandbox().slurm().poll(),
            "How often a job's state and output are read while it waits or runs"),
    SANDBOX_SLURM_REST_URL(
            "sandbox.slurm.restUrl",
            "",
            ValueType.url(true),
            c -> c.sandbox().slurm().restUrl(),
            "slurmrestd's address (e.g. http://slurm-head:6820) to drive instead of the Slurm client programs; "
                    + "empty: sbatch, squeue, scontrol and scancel on this machine"),
    SANDBOX_SLURM_REST_USER(
            "sandbox.slurm.restUser",
            "",
            ValueType.matching("|[A-Za-z0-9._-]{1,64}", "must be a user name"),
            c -> c.sandbox().slurm().restUser(),
            "The user jobs run as through slurmrestd; empty: the service's own user"),
    SANDBOX_SLURM_REST_TOKEN(
            "sandbox.slurm.restToken",
            "",
            ValueType.secret(),
            c -> c.sandbox().slurm().restToken(),
            "A JWT for that user (scontrol token username=... lifespan=...)",
            "SLURM_JWT"),
    SANDBOX_ALLOW_UNSAFE_PROCESS(
            "sandbox.allowUnsafeProcess",
            "false",
            ValueType.bool(),
            c -> c.sandbox().allowUnsafeProcess(),
            "Permit the process backend, which runs untrusted code without isolation"),
    SANDBOX_GPUS(
            "sandbox.gpus",
            "",
            ValueType.matching("|all|[1-9][0-9]*", "must be empty, all or a positive number"),
            c -> c.sandbox().gpus(),
            "GPUs given to the sandbox: empty for none, all, or a count"),
    SANDBOX_RUNTIME(
            "sandbox.runtime",
            "",
            ValueType.matching("|[A-Za-z0-9][A-Za-z0-9_.-]*", "must be empty or a runtime name like runsc"),
            c -> c.sandbox().runtime(),
            "Container runtime, e.g. runsc for gVisor; empty uses Docker's default"),
    SANDBOX_NOFILE(
            "sandbox.nofile",
            "1024",
            ValueType.count(1),
            c -> c.sandbox().nofile(),
            "Maximum open files per sandboxed process"),
    SANDBOX_FSIZE(
            "sandbox.fsize",
            "256m",
            ValueType.size(),
            c -> c.sandbox().fsizeBytes(),
            "Largest file a sandboxed process may write"),

    LLM_PROVIDER(
            "llm.provider",
            "",
            ValueType.oneOf("", "anthropic", "openai", "ollama", "openai-compatible"),
            c -> c.llm().provider(),
            "Language model provider: anthropic, openai, ollama or openai-compatible; empty for none"),
    LLM_MODEL(
            "llm.model",
            "",
            ValueType.text(),
            c -> c.llm().model(),
            "Model for the research agents; empty uses the provider's default"),
    LLM_FAST_MODEL(
            "llm.fastModel",
            "",
            ValueType.text(),
            c -> c.llm().fastModel(),
            "Cheaper model for small tasks; empty uses the provider's default"),
    LLM_BASE_URL(
            "llm.baseUrl",
            "",
            ValueType.url(true),
            c -> c.llm().baseUrl(),
            "API endpoint, needed for ollama and openai-compatible; empty uses the provider's default"),
    LLM_TEMPERATURE(
            "llm.temperature",
            "0.2",
            ValueType.decimal(0, 2),
            c -> c.llm().temperature(),
            "Sampling temperature, from 0 to 2"),
    LLM_TIMEOUT(
            "llm.timeout", "120s", ValueType.duration(), c -> c.llm().timeout(), "Time limit for one model request"),
    LLM_MAX_RETRIES(
            "llm.maxRetries",
            "3",
            ValueType.integer(0, Integer.MAX_VALUE),
            c -> c.llm().maxRetries(),
            "Retries after a failed model request"),
    LLM_ANTHROPIC_API_KEY(
            "llm.anthropicApiKey",
            "",
            ValueType.secret(),
            c -> c.llm().anthropicApiKey(),
            "Anthropic API key",
            "ANTHROPIC_API_KEY",
            "CLAUDE_API_KEY"),
    LLM_OPENAI_API_KEY(
            "llm.openaiApiKey",
            "",
            ValueType.secret(),
            c -> c.llm().openaiApiKey(),
            "OpenAI (or openai-compatible) API key",
            "OPENAI_API_KEY"),

    FETCH_ALLOW_PRIVATE_ADDRESSES(
            "fetch.allowPrivateAddresses",
            "false",
            ValueType.bool(),
            c -> c.fetch().allowPrivateAddresses(),
            "Allow downloads from private, loopback and link-local addresses"),
    FETCH_MAX_BYTES("fetch.maxBytes", "30m", ValueType.size(), c -> c.fetch().maxBytes(), "Largest download accepted"),
    FETCH_CONNECT_TIMEOUT(
            "fetch.connectTimeout",
            "10s",
            ValueType.duration(),
            c -> c.fetch().connectTimeout(),
            "Time limit for opening a connection"),
    FETCH_READ_TIMEOUT(
            "fetch.readTimeout",
            "30s",
            ValueType.duration(),
            c -> c.fetch().readTimeout(),
            "Longest wait for more data from a server"),
    FETCH_CALL_TIMEOUT(
            "fetch.callTimeout",
            "120s",
            ValueType.duration(),
            c -> c.fetch().callTimeout(),
            "Time limit for a whole download"),

    BUDGET_PER_RESEARCH_USD(
            "budget.perResearchUsd",
            "5.0",
            ValueType.positiveDecimal(),
            c -> c.budget().perResearchUsd(),
            "Model spending limit for one research run, in US dollars"),
    BUDGET_PER_DAY_USD(
            "budget.perDayUsd",
            "50.0",
            ValueType.positiveDecimal(),
            c -> c.budget().perDayUsd(),
            "Model spending limit per team per day, in US dollars (a team: a Slack workspace, a Discord server, "
                    + "the web chat)"),
    BUDGET_PER_RESEARCH_TOKENS(
            "budget.perResearchTokens",
            "2000000",
            ValueType.count(1),
            c -> c.budget().perResearchTokens(),
            "Model token limit for one research run"),
    BUDGET_PER_DAY_TOKENS(
            "budget.perDayTokens",
            "20000000",
            ValueType.count(1),
            c -> c.budget().perDayTokens(),
            "Model token limit per team per day"),
    BUDGET_PER_PERSON_USD(
            "budget.perPersonUsd",
            "20.0",
            ValueType.positiveDecimal(),
            c -> c.budget().perPersonUsd(),
            "Model spending limit per person per day, in US dollars, over the researches they started; checked "
                    + "before new work starts"),
    BUDGET_RESEARCHES_PER_HOUR(
            "budget.researchesPerHour",
            "10",
            ValueType.integer(1, 10_000),
            c -> c.budget().researchesPerHour(),
            "Researches one person may start per hour"),
    BUDGET_PRICES(
            "budget.prices",
            "",
            ValueType.matching(
                    "|[A-Za-z0-9_.:/-]+=[0-9.]+/[0-9.]+(/[0-9.]+)?(\\s*,\\s*[A-Za-z0-9_.:/-]+=[0-9.]+/[0-9.]+(/[0-9.]+)?)*",
                    "must be a comma list of model=input/output[/cachedInput] US dollars per million tokens"),
            c -> c.budget().prices(),
            "Extra or changed model prices, e.g. gpt-4o=2.5/10/1.25 (USD per million input/output/cached tokens); "
                    + "models are matched by name prefix, unknown models cost nothing"),

    WEB_PORT("web.port", "8080", ValueType.integer(1, 65535), c -> c.web().port(), "Port of the web interface"),
    WEB_BIND_ADDRESS(
            "web.bindAddress",
            "127.0.0.1",
            ValueType.matching("[0-9A-Za-z.:-]+", "must be an address such as 127.0.0.1 or 0.0.0.0"),
            c -> c.web().bindAddress(),
            "Address the web interface listens on: 127.0.0.1 for this machine only; another address only with "
                    + "sign-in (web.auth=local or proxy)"),
    WEB_PUBLIC_URL(
            "web.publicUrl",
            "",
            ValueType.url(true),
            c -> c.web().publicUrl(),
            "Address people open the web view at, for links from Slack and Discord (e.g. https://mlr.example.org); "
                    + "empty: http://localhost:<web.port>"),

    WEB_AUTH(
            "web.auth",
            "local",
            ValueType.oneOf("none", "local", "proxy"),
            c -> c.web().auth(),
            "Who checks that people are who they say: none (one person on this machine: only with a loopback "
                    + "web.bindAddress), local (accounts by invitation, passwords, sessions) or proxy (an "
                    + "authenticating reverse proxy in front of the service)"),
    WEB_ALLOWED_HOSTS(
            "web.allowedHosts",
            "",
            ValueType.list(),
            c -> c.web().allowedHosts(),
            "Host names the service is reached by, besides localhost and the host of web.publicUrl; requests "
                    + "naming another host are refused (DNS rebinding)"),
    WEB_METRICS_TOKEN(
            "web.metricsToken",
            "",
            ValueType.secret(),
            c -> c.web().metricsToken(),
            "Bearer token /metrics requires (Authorization: Bearer ...); empty: /metrics is open to whoever "
                    + "reaches the service",
            "MLR_METRICS_TOKEN"),
    WEB_OIDC_ISSUER(
            "web.oidc.issuer",
            "",
            ValueType.url(true),
            c -> c.web().oidc().issuer(),
            "Issuer of an OpenID Connect provider for single sign-on beside local accounts, e.g. https://slack.com "
                    + "(Sign in with Slack), https://accounts.google.com or a Keycloak realm; empty: no single sign-on"),
    WEB_OIDC_CLIENT_ID(
            "web.oidc.clientId",
            "",
            ValueType.matching("|\\S+", "must be the client id the provider gave"),
            c -> c.web().oidc().clientId(),
            "Client id of this service at the provider (redirect URI: <web.publicUrl>/api/auth/oidc/callback)"),
    WEB_OIDC_CLIENT_SECRET(
            "web.oidc.clientSecret",
            "",
            ValueType.secret(),
            c -> c.web().oidc().clientSecret(),
            "Client secret of this service at the provider",
            "MLR_OIDC_CLIENT_SECRET"),
    WEB_OIDC_LABEL(
            "web.oidc.label",
            "single sign-on",
            ValueType.matching("[\\p{L}\\p{N} ._-]{1,40}", "must be 1-40 letters, digits or spaces"),
            c -> c.web().oidc().label(),
            "What the sign-in button names, e.g. Slack for \"Sign in with Slack\""),
    WEB_OIDC_SCOPES(
            "web.oidc.scopes",
            "openid,email,profile",
            ValueType.list(),
            c -> c.web().oidc().scopes(),
            "Scopes asked for; openid is always added"),
    WEB_OIDC_ALLOWED_DOMAINS(
            "web.oidc.allowedDomains",
            "",
            ValueType.list(),
            c -> c.web().oidc().allowedDomains(),
            "E-mail domains whose people may sign in (the provider must vouch for the address); empty: anyone "
                    + "the provider signs in"),
    WEB_OIDC_REQUIRED_CLAIM(
            "web.oidc.requiredClaim",
            "",
            ValueType.matching("|[^=\\s]+=\\S+", "must be name=value"),
            c -> c.web().oidc().requiredClaim(),
            "A claim the ID token must carry, as name=value: https://slack.com/team_id=T0123 for one Slack "
                    + "workspace, hd=example.org for one Google Workspace; empty: none"),
    WEB_OIDC_ROLE(
            "web.oidc.role",
            "member",
            ValueType.oneOf("member", "approver"),
            c -> c.web().oidc().role(),
            "Role of someone the first time they sign in through the provider (admins change it later)"),
    WEB_OIDC_ALLOW_PRIVATE_ADDRESSES(
            "web.oidc.allowPrivateAddresses",
            "false",
            ValueType.bool(),
            c -> c.web().oidc().allowPrivateAddresses(),
            "Let the provider be on a private or loopback address (an on-premise Keycloak); other fetches still "
                    + "follow fetch.allowPrivateAddresses"),
    SERVICE_APPROVERS(
            "service.approvers",
            "",
            ValueType.listOf(
                    "((slack|discord|web):)?[A-Za-z0-9._@-]{1,80}",
                    "must be user ids such as slack:U0123ABCD, discord:81234567890 or web:<account id>, not display names"),
            c -> c.service().approvers(),
            "Who may approve experiment runs besides people with the approver or admin role: immutable user ids "
                    + "(slack:U0123ABCD, discord:81234567890, web:<account id>), never display names; empty and no "
                    + "Discord approver role lets anyone in the chat approve"),
    SERVICE_HYPOTHESES(
            "service.hypotheses",
            "3",
            ValueType.integer(1, 10),
            c -> c.service().hypotheses(),
            "How many hypotheses to propose for each paper"),
    SERVICE_TASKS_DIR(
            "service.tasksDir",
            "./tasks",
            ValueType.path(),
            c -> c.service().tasksDir(),
            "Directory of registered experiment tasks (MLAgentBench layout); an approved plan uses one only when it "
                    + "passes experiment.taskMatch"),
    SERVICE_IDEA_WORKERS(
            "service.ideaWorkers",
            "4",
            ValueType.integer(1, 64),
            c -> c.service().ideaWorkers(),
            "Threads reading papers and drafting hypotheses (researches beyond this wait in a queue)"),
    SERVICE_RUN_WORKERS(
            "service.runWorkers",
            "2",
            ValueType.integer(1, 64),
            c -> c.service().runWorkers(),
            "Experiment runs at the same time (more wait in a queue)"),
    SERVICE_STATUS_INTERVAL(
            "service.statusInterval",
            "2s",
            ValueType.duration(),
            c -> c.service().statusInterval(),
            "Least time between two edits of a thread's status message"),

    STORE_DATA_DIR(
            "store.dataDir",
            "./data",
            ValueType.path(),
            c -> c.store().dataDir(),
            "Directory for the bot's database and research artifacts"),
    STORE_URL(
            "store.url",
            "",
            ValueType.matching(
                    "|jdbc:postgresql://(?!.*[?&]password=)\\S+",
                    "must be empty or a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/mlr, without "
                            + "a password (that goes in store.password)"),
            c -> c.store().url(),
            "PostgreSQL database for the bot's state instead of the H2 file in store.dataDir, e.g. "
                    + "jdbc:postgresql://db.example.org:5432/mlr (artifacts stay in store.dataDir); empty: H2"),
    STORE_USER(
            "store.user",
            "",
            ValueType.matching("|[^\\s]{1,63}", "must be a database role name"),
            c -> c.store().user(),
            "Role the bot signs in to PostgreSQL as (with store.url)"),
    STORE_PASSWORD(
            "store.password",
            "",
            ValueType.secret(),
            c -> c.store().password(),
            "Password of that role (with store.url); empty for none, e.g. with peer or certificate sign-in"),

    SLACK_MODE(
            "slack.mode",
            "socket",
            ValueType.oneOf("socket", "http"),
            c -> c.slack().mode(),
            "socket connects out with Socket Mode (needs appToken); http receives events (needs signingSecret)"),
    SLACK_API_URL(
            "slack.apiUrl",
            "https://slack.com/api/",
            ValueType.url(false),
            c -> c.slack().apiUrl(),
            "Base URL of the Slack Web API"),
    SLACK_CHANNELS(
            "slack.channels",
            "",
            ValueType.list(),
            c -> c.slack().channels(),
            "Slack channel IDs (e.g. C0123ABCD) where a paper link starts a research without a mention"),
    SLACK_BOT_TOKEN(
            "slack.botToken",
            "",
            ValueType.secret(),
            c -> c.slack().botToken(),
            "Slack bot token (xoxb-...)",
            "SLACK_BOT_TOKEN"),
    SLACK_APP_TOKEN(
            "slack.appToken",
            "",
            ValueType.secret(),
            c -> c.slack().appToken(),
            "Slack app-level token for Socket Mode (xapp-...)",
            "SLACK_APP_TOKEN"),
    SLACK_SIGNING_SECRET(
            "slack.signingSecret",
            "",
            ValueType.secret(),
            c -> c.slack().signingSecret(),
            "Slack signing secret for http mode",
            "SLACK_SIGNING_SECRET"),

    DISCORD_API_URL(
            "discord.apiUrl",
            "https://discord.com/api/v10/",
            ValueType.url(false),
            c -> c.discord().apiUrl(),
            "Base URL of Discord's REST API (version 10)"),
    DISCORD_GATEWAY_URL(
            "discord.gatewayUrl",
            "",
            ValueType.text(),
            c -> c.discord().gatewayUrl(),
            "Discord gateway WebSocket URL; empty uses Discord's own (wss://gateway.discord.gg/)"),
    DISCORD_CHANNELS(
            "discord.channels",
            "",
            ValueType.list(),
            c -> c.discord().channels(),
            "Discord channels where a paper link starts a research without a mention, as names or IDs"),
    DISCORD_APPROVER_ROLE(
            "discord.approverRole",
            "",
            ValueType.matching(
                    "|[0-9]{5,25}",
                    "must be the role's id (Discord developer mode: right-click the role, Copy Role ID), not its name"),
            c -> c.discord().approverRole(),
            "ID of the Discord role whose members may approve experiment runs, besides service.approvers (an ID, "
                    + "not a name: anyone who may create roles can copy a name)"),
    DISCORD_BOT_TOKEN(
            "discord.botToken",
            "",
            ValueType.secret(),
            c -> c.discord().botToken(),
            "Discord bot token",
            "DISCORD_BOT_TOKEN"),

    EXPERIMENT_APPROVAL(
            "experiment.approval",
            "first-execution",
            ValueType.oneOf("none", "first-execution", "every-step", "above-cost"),
            c -> c.experiment().approval(),
            "When an experiment run asks the team first: never, before the first script execution (the command "
                    + "line counts starting the command as that approval), before every step (copilot), or before "
                    + "steps whose estimated model cost passes experiment.approvalCostUsd"),
    EXPERIMENT_APPROVAL_COST_USD(
            "experiment.approvalCostUsd",
            "0.5",
            ValueType.positiveDecimal(),
            c -> c.experiment().approvalCostUsd(),
            "Estimated cost of one step above which the team must approve it (with experiment.approval=above-cost)"),
    EXPERIMENT_MAX_STEPS(
            "experiment.maxSteps",
            "30",
            ValueType.integer(1, 1000),
            c -> c.experiment().maxSteps(),
            "Most agent steps in one experiment run"),
    EXPERIMENT_WALL_TIME(
            "experiment.wallTime",
            "2h",
            ValueType.duration(),
            c -> c.experiment().wallTime(),
            "Longest wall time of one experiment run, baseline included"),
    EXPERIMENT_SEARCH(
            "experiment.search",
            "tree",
            ValueType.oneOf("loop", "tree"),
            c -> c.experiment().search(),
            "How an experiment run searches: one agent loop of tool calls (loop), or a tree of whole solutions "
                    + "drafted, improved and debugged by single model calls and scored by the task's evaluation (tree)"),
    EXPERIMENT_DRAFTS(
            "experiment.drafts",
            "3",
            ValueType.integer(1, 100),
            c -> c.experiment().drafts(),
            "Tree search: new solutions drafted from the plan before any is improved"),
    EXPERIMENT_WORKERS(
            "experiment.workers",
            "1",
            ValueType.integer(1, 32),
            c -> c.experiment().workers(),
            "Tree search: solutions written and executed at the same time"),
    EXPERIMENT_MAX_NODES(
            "experiment.maxNodes",
            "12",
            ValueType.integer(1, 1000),
            c -> c.experiment().maxNodes(),
            "Tree search: most solutions (drafts, improvements and fixes together) in one run"),
    EXPERIMENT_DEBUG_DEPTH(
            "experiment.debugDepth",
            "3",
            ValueType.integer(0, 20),
            c -> c.experiment().debugDepth(),
            "Tree search: most fixes in a row of a failing solution; 0 never debugs"),
    EXPERIMENT_DEBUG_PROBABILITY(
            "experiment.debugProbability",
            "0.5",
            ValueType.decimal(0, 1),
            c -> c.experiment().debugProbability(),
            "Tree search: chance that a step fixes a failed solution (when one can still be fixed) rather than "
                    + "improving a working one"),
    EXPERIMENT_SELECTION(
            "experiment.selection",
            "greedy",
            ValueType.oneOf("greedy", "sampled"),
            c -> c.experiment().selection(),
            "Tree search: which working solution is improved: the best-scoring one (greedy), or one drawn at "
                    + "random with better ones more likely (sampled)"),
    EXPERIMENT_SEEDS(
            "experiment.seeds",
            "1",
            ValueType.integer(1, 20),
            c -> c.experiment().seeds(),
            "Tree search: runs of the best solution, each with its own MLR_SEED, whose test scores are averaged "
                    + "for the reported number (1: the single scored run)"),
    EXPERIMENT_TASK_MATCH(
            "experiment.taskMatch",
            "0.55",
            ValueType.decimal(0, 1),
            c -> c.experiment().taskMatch(),
            "Least similarity (cosine, 0-1) between a plan and a registered task for the task to be used; below "
                    + "it an experiment is built from the plan's own data"),
    EXPERIMENT_MAX_DATASET_BYTES(
            "experiment.maxDatasetBytes",
            "100m",
            ValueType.size(),
            c -> c.experiment().maxDatasetBytes(),
            "Most bytes of data fetched for one experiment (all its datasets together)"),
    EXPERIMENT_MAX_CODE_BYTES(
            "experiment.maxCodeBytes",
            "20m",
            ValueType.size(),
            c -> c.experiment().maxCodeBytes(),
            "Most bytes of the paper's code archive fetched for an experiment (packed and unpacked)"),
    EXPERIMENT_MAX_MODEL_BYTES(
            "experiment.maxModelBytes",
            "200m",
            ValueType.size(),
            c -> c.experiment().maxModelBytes(),
            "Most bytes of Hugging Face Hub model files fetched for an experiment (all models the plan names)"),
    EXPERIMENT_MAX_ROWS(
            "experiment.maxRows",
            "50000",
            ValueType.integer(100, 100_000_000),
            c -> c.experiment().maxRows(),
            "Most rows kept per data file; larger files are sampled down (seeded) to fit the CPU budget"),
    EXPERIMENT_SETUP_STEPS(
            "experiment.setupSteps",
            "20",
            ValueType.integer(2, 200),
            c -> c.experiment().setupSteps(),
            "Most agent steps of an experiment's set-up (data loading, held-out split, evaluation, baseline)"),
    EXPERIMENT_GITHUB_API_URL(
            "experiment.githubApiUrl",
            "https://api.github.com",
            ValueType.url(false),
            c -> c.experiment().githubApiUrl(),
            "GitHub REST API, where the paper's code is downloaded as an archive (repos/{owner}/{repo}/zipball)"),
    PAPERS_ARXIV_URL(
            "papers.arxivUrl",
            "https://arxiv.org",
            ValueType.url(false),
            c -> c.papers().arxivUrl(),
            "arXiv site: abstract, HTML and PDF pages"),
    PAPERS_ARXIV_API_URL(
            "papers.arxivApiUrl",
            "http://export.arxiv.org/api/query",
            ValueType.url(false),
            c -> c.papers().arxivApiUrl(),
            "arXiv export API (Atom) for metadata and search"),
    PAPERS_OPEN_REVIEW_URL(
            "papers.openReviewUrl",
            "https://openreview.net",
            ValueType.url(false),
            c -> c.papers().openReviewUrl(),
            "OpenReview site"),
    PAPERS_ACL_ANTHOLOGY_URL(
            "papers.aclAnthologyUrl",
            "https://aclanthology.org",
            ValueType.url(false),
            c -> c.papers().aclAnthologyUrl(),
            "ACL Anthology site"),
    PAPERS_DOI_RESOLVER_URL(
            "papers.doiResolverUrl",
            "https://doi.org",
            ValueType.url(false),
            c -> c.papers().doiResolverUrl(),
            "DOI resolver"),
    PAPERS_SEMANTIC_SCHOLAR_URL(
            "papers.semanticScholarUrl",
            "https://api.semanticscholar.org",
            ValueType.url(false),
            c -> c.papers().semanticScholarUrl(),
            "Semantic Scholar API (Graph and Recommendations) for related work"),
    PAPERS_OPEN_ALEX_URL(
            "papers.openAlexUrl",
            "https://api.openalex.org",
            ValueType.url(false),
            c -> c.papers().openAlexUrl(),
            "OpenAlex API, the first fallback for related work"),
    PAPERS_HUGGING_FACE_URL(
            "papers.huggingFaceUrl",
            "https://huggingface.co",
            ValueType.url(false),
            c -> c.papers().huggingFaceUrl(),
            "Hugging Face Hub, where models and datasets for experiments are looked up"),
    PAPERS_RECENT_YEARS(
            "papers.recentYears",
            "3",
            ValueType.integer(1, 100),
            c -> c.papers().recentYears(),
            "Related work from the last N years is preferred"),
    PAPERS_RELATED_WORK_COUNT(
            "papers.relatedWorkCount",
            "10",
            ValueType.integer(1, 100),
            c -> c.papers().relatedWorkCount(),
            "How many related papers are kept"),
    PAPERS_RELATED_WORK_DEADLINE(
            "papers.relatedWorkDeadline",
            "30s",
            ValueType.duration(),
            c -> c.papers().relatedWorkDeadline(),
            "Longest time the related-work search may take; sources not answering by then are skipped"),
    PAPERS_CONTACT_EMAIL(
            "papers.contactEmail",
            "",
            ValueType.text(),
            c -> c.papers().contactEmail(),
            "Contact e-mail sent to OpenAlex (its polite pool); empty sends none"),
    RESEARCH_HUGGING_FACE_TOKEN(
            "research.huggingFaceToken",
            "",
            ValueType.secret(),
            c -> c.research().huggingFaceToken(),
            "Hugging Face token for gated models and datasets",
            "HF_TOKEN"),
    RESEARCH_SEMANTIC_SCHOLAR_API_KEY(
            "research.semanticScholarApiKey",
            "",
            ValueType.secret(),
            c -> c.research().semanticScholarApiKey(),
            "Semantic Scholar API key for paper search",
            "SEMANTIC_SCHOLAR_API_KEY");

    private final String id;
    private final String defaultValue;
    private final ValueType type;
    private final Function<MlrConfig, Object> accessor;
    private final String description;
    private final List<String> aliases;

    Key(
            String id,
            String defaultValue,
            ValueType type,
            Function<MlrConfig, Object> accessor,
            String description,
            String... aliases) {
        this.id = id;
        this.defaultValue = defaultValue;
        this.type = type;
        this.accessor = accessor;
        this.description = description;
        this.aliases = List.of(aliases);
    }

    String id() {
        return id;
    }

    /** {@code sandbox.allowUnsafeProcess} becomes {@code MLR_SANDBOX_ALLOW_UNSAFE_PROCESS}. */
    String envName() {
        return Keys.envName(id);
    }

    List<String> aliases() {
        return aliases;
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }

    boolean secret() {
        return type.isSecret();
    }

    boolean list() {
        return type.isList();
    }

    /** Parses and checks raw text; an {@link IllegalArgumentException} carries the rule it broke. */
    Object parse(String raw) {
        return type.parse(raw);
    }

    /** Throws a {@link ConfigException} unless the value is allowed for this key. */
    void require(Object value) {
        if (value == null) {
            throw new ConfigException(id + ": a value is required");
        }
        type.problem(value).ifPresent(rule -> {
            throw new ConfigException(id + ": " + quote(type.format(value)) + " " + rule);
        });
    }

    /** Shows a value in a message: quoted and shortened, or redacted for secrets. */
    String quote(String raw) {
        if (secret() || raw.matches("(?is).*[?&;]password=.*")) {
            return "****";
        }
        return "\"" + (raw.length() > 80 ? raw.substring(0, 77) + "..." : raw) + "\"";
    }

    Object valueIn(MlrConfig config) {
        return accessor.apply(config);
    }

    String display(MlrConfig config) {
        return type.format(valueIn(config));
    }
}
