package org.mlrcopilot.papers.hub;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.setup.CodeRecord;
import org.mlrcopilot.agents.setup.DatasetResolution;
import org.mlrcopilot.agents.setup.ModelRecord;
import org.mlrcopilot.agents.setup.SetupDownloads;
import org.mlrcopilot.agents.setup.SetupSettings;
import org.mlrcopilot.agents.setup.TableConverter;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * A set-up's downloads through the guarded client: datasets from the Hugging Face Hub, links and the team's files,
 * the paper's code from GitHub, and small models from the Hub, each client capped at its byte budget.
 */
public final class HubDownloads implements SetupDownloads {

    private final GuardedHttpClient dataHttp;
    private final GuardedHttpClient codeHttp;
    private final GuardedHttpClient modelHttp;
    private final TableConverter converter;
    private final SetupSettings settings;

    public HubDownloads(FetchPolicy fetchPolicy, TableConverter converter, SetupSettings settings) {
        this.converter = Objects.requireNonNull(converter, "converter");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dataHttp = new GuardedHttpClient(fetchPolicy.withMaxBytes(settings.maxDatasetBytes()));
        this.codeHttp = new GuardedHttpClient(fetchPolicy.withMaxBytes(settings.maxCodeBytes()));
        this.modelHttp = new GuardedHttpClient(fetchPolicy.withMaxBytes(settings.maxModelBytes()));
    }

    @Override
    public DatasetResolution dataset(DatasetRef ref, Map<String, Path> attachments, Path rawDir, long budget) {
        HubDatasets hub = new HubDatasets(dataHttp, settings.hubUrl(), settings.hfToken());
        DatasetResolver.Resolution r = new DatasetResolver(hub, dataHttp, attachments, converter, settings.maxRows())
                .resolve(ref, rawDir, budget);
        return new DatasetResolution(r.record(), r.issue());
    }

    @Override
    public boolean isData(String fileName) {
        return DataFiles.isData(fileName);
    }

    @Override
    public Optional<String[]> codeRepository(List<String> links) {
        return CodeArchive.repository(links);
    }

    @Override
    public CodeRecord code(String owner, String repo, String link, Path target) {
        return new CodeArchive(codeHttp, settings.githubApiUrl(), settings.maxCodeBytes())
                .fetch(owner, repo, link, target);
    }

    @Override
    public List<String> modelIds(List<String> models) {
        return HubModels.ids(models);
    }

    @Override
    public Optional<ModelRecord> model(String id, Path dir, long budget, Consumer<String> notes) {
        return new HubModels(new HubDatasets(modelHttp, settings.hubUrl(), settings.hfToken()))
                .fetch(id, dir, budget, notes);
    }

    @Override
    public String directoryName(String id) {
        return DatasetResolver.safeName(id);
    }

    @Override
    public void close() {
        dataHttp.close();
        codeHttp.close();
        modelHttp.close();
    }
}
