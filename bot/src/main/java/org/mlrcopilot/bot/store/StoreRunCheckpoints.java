package org.mlrcopilot.bot.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mlrcopilot.agents.experiment.RunCheckpoints;
import org.mlrcopilot.agents.experiment.RunState;
import org.mlrcopilot.agents.json.JsonCodec;

/** {@link RunCheckpoints} in table {@code run_checkpoints}: one row per run, replaced after every step. */
final class StoreRunCheckpoints implements RunCheckpoints {

    private final Jdbi jdbi;
    private final Dialect dialect;

    StoreRunCheckpoints(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    @Override
    public void save(RunState state) {
        String json = JsonCodec.write(state);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbi.useHandle(h -> h.createUpdate(dialect.upsert(
                        "run_checkpoints",
                        "run_id, step, state_json, updated_at",
                        "run_id",
                        ":runId, :step, :json, :updatedAt"))
                .bind("runId", state.runId())
                .bind("step", state.step())
                .bind("json", json)
                .bind("updatedAt", (position, statement, ctx) -> statement.setObject(position, now))
                .execute());
    }

    @Override
    public Optional<RunState> load(String runId) {
        Objects.requireNonNull(runId, "runId");
        return jdbi.withHandle(h -> h.createQuery("SELECT state_json FROM run_checkpoints WHERE run_id = :runId")
                        .bind("runId", runId)
                        .mapTo(String.class)
                        .findOne())
                .map(json -> JsonCodec.read(json, RunState.class));
    }
}
