package org.mlrcopilot.agents.research;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that failed because nothing could be saved (a full disk, a closed database) is held, not failed: while writes
 * fail it waits, and once a write probe succeeds again (the store's own, and a file in the runs directory) it is
 * handed back to be continued from what was saved, as after a restart. A research whose work keeps failing this way
 * ({@link #MAX_HOLDS} times) is no longer held, so a failure that only looks like the store's cannot loop.
 */
final class StoreOutage implements AutoCloseable {

    static final int MAX_HOLDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger("mlr.research");

    /**
     * The work of one research held since {@code since}, for {@code reason}: the runs among it, and the requests
     * (new hypotheses, a review again) to be made again, in the order they were held.
     */
    record Held(String researchId, Set<String> runIds, List<Runnable> redo, Instant since, String reason) {}

    private final ResearchStore store;
    private final Path runsRoot;
    private final Clock clock;
    private final Duration probeEvery;
    private final Consumer<Held> back;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, Integer> holds = new ConcurrentHashMap<>();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mlr-store-outage");
        t.setDaemon(true);
        return t;
    });

    StoreOutage(ResearchStore store, Path runsRoot, Clock clock, Duration probeEvery, Consumer<Held> back) {
        this.store = store;
        this.runsRoot = runsRoot;
        this.clock = clock;
        this.probeEvery = probeEvery;
        this.back = back;
    }

    /**
     * True when {@code failure} came from nothing being writable: the research's work (and the run, when not null)
     * is held until writes succeed again. False for any other failure, which the caller reports as usual.
     */
    boolean held(Throwable failure, String researchId, String runId) {
        return held(failure, researchId, runId, null);
    }

    /**
     * As {@link #held(Throwable, String, String)} for a request that is made again, by {@code redo}, once writes
     * succeed again; it must tell by what was saved what is left of it to do.
     */
    boolean heldToRedo(Throwable failure, String researchId, Runnable redo) {
        return held(failure, researchId, null, redo);
    }

    private boolean held(Throwable failure, String researchId, String runId, Runnable redo) {
        Optional<String> reason = StoreUnavailableException.reason(failure).or(this::writeProblem);
        if (reason.isEmpty()) {
            return false;
        }
        if (holds.merge(researchId, 1, Integer::sum) > MAX_HOLDS) {
            LOG.warn("{}: failed {} times for want of space, no longer held: {}", researchId, MAX_HOLDS, reason.get());
            return false;
        }
        LOG.warn(
                "{}{}: not saved ({}); held until writes succeed again",
                researchId,
                runId == null ? "" : " " + runId,
                reason.get());
        held.compute(researchId, (id, before) -> {
            Set<String> runs = new LinkedHashSet<>(before == null ? Set.of() : before.runIds());
            if (runId != null) {
                runs.add(runId);
            }
            List<Runnable> again = new ArrayList<>(before == null ? List.of() : before.redo());
            if (redo != null) {
                again.add(redo);
            }
            return new Held(
                    id,
                    Set.copyOf(runs),
                    List.copyOf(again),
                    before == null ? clock.instant() : before.since(),
                    before == null ? reason.get() : before.reason());
        });
        if (probing.compareAndSet(false, true)) {
            timer.schedule(this::probe, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Whether any work is held now. */
    boolean holding() {
        return !held.isEmpty();
    }

    private void probe() {
        try {
            if (writeProblem().isPresent()) {
                holds.clear(); // a real outage: what failed so far failed for want of space, not in a loop
                timer.schedule(this::probe, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            probing.set(false);
            for (String id : Set.copyOf(held.keySet())) {
                Held h = held.remove(id);
                if (h != null) {
                    LOG.info("{}: writes succeed again; continuing from what was saved", id);
                    back.accept(h);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("cannot continue the work held for want of space", e);
            timer.schedule(this::probe, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Why nothing can be saved now: the store refuses a write, or a file cannot be written in the runs directory. */
    private Optional<String> writeProblem() {
        Optional<String> store = this.store.writeProblem();
        if (store.isPresent()) {
            return store;
        }
        try {
            Files.createDirectories(runsRoot);
            Path probe = Files.createTempFile(runsRoot, ".write-probe", "");
            try {
                Files.write(probe, new byte[4096]);
            } finally {
                Files.deleteIfExists(probe);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
