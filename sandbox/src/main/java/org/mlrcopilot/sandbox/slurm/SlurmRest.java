package org.mlrcopilot.sandbox.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.sandbox.SandboxException;

/**
 * Slurm through its REST daemon (slurmrestd, OpenAPI v0.0.38, JWT authentication): for services that run where the
 * client programs are not installed. The same jobs as with the programs: submitted with an environment of their own
 * (nothing of the service's), the script read from the shared directory, states read from the job record.
 * slurmrestd is the operator's own endpoint (like the Docker engine's socket), reached at the configured address.
 */
final class SlurmRest implements SlurmClient {

    private static final String API = "slurm/v0.0.38/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlurmSettings.Rest rest;
    private final HttpClient http;

    SlurmRest(SlurmSettings.Rest rest) {
        this.rest = rest;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String describe() {
        return "slurmrestd at " + rest.url();
    }

    @Override
    public Optional<String> problem() {
        try {
            JsonNode ping = call("GET", "ping", null);
            return ping.path("pings").isEmpty() ? Optional.of("no controller answered the ping") : Optional.empty();
        } catch (SandboxException e) {
            return Optional.of(e.getMessage() + " (slurmrestd answers a token it refuses with an unspecified "
                    + "error: check the user and its token, sandbox.slurm.restUser and sandbox.slurm.restToken, made "
                    + "with `scontrol token username=" + rest.user() + " lifespan=...`)");
        }
    }

    @Override
    public String submit(JobRequest job, Path script) {
        ObjectNode body = JSON.createObjectNode();
        try {
            body.put("script", Files.readString(script));
        } catch (IOException e) {
            throw new SandboxException("cannot read the job script " + script + ": " + e.getMessage(), false, e);
        }
        ObjectNode j = body.putObject("job");
        j.put("name", job.name())
                .put("comment", job.comment())
                .put("current_working_directory", job.directory().toString())
                .put("standard_output", "/dev/null")
                .put("standard_error", "/dev/null")
                .put("time_limit", job.minutes())
                .put("memory_per_node", job.memoryMb())
                .put("cpus_per_task", job.cpus())
                .put("requeue", false)
                .put("nodes", 1)
                .put("tasks", 1);
        j.putObject("environment").put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        if (!job.gpus().isEmpty()) {
            j.put("gres", "gpu:" + job.gpus());
        }
        if (!job.partition().isEmpty()) {
            j.put("partition", job.partition());
        }
        if (!job.account().isEmpty()) {
            j.put("account", job.account());
        }
        if (!job.qos().isEmpty()) {
            j.put("qos", job.qos());
        }
        JsonNode answer = call("POST", "job/submit", body);
        if (!answer.path("job_id").canConvertToLong()) {
            throw new SandboxException("slurmrestd did not give a job id: " + errors(answer), true);
        }
        return answer.path("job_id").asText();
    }

    @Override
    public Optional<JobInfo> job(String id) {
        JsonNode answer = call("GET", "job/" + id, null);
        for (JsonNode j : answer.path("jobs")) {
            if (j.path("job_id").asText().equals(id)) {
                int raw = j.path("exit_code").asInt(0);
                String exit = (raw >> 8 & 0xff) + ":" + (raw & 0x7f);
                return Optional.of(new JobInfo(
                        JobState.parse(j.path("job_state").asText()),
                        j.path("state_reason").asText(""),
                        exit,
                        j.path("nodes").asText("")));
            }
        }
        return Optional.empty();
    }

    @Override
    public void cancel(String id) {
        call("DELETE", "job/" + id, null);
    }

    @Override
    public List<String> jobsLabelled(String label) {
        List<String> ids = new ArrayList<>();
        for (JsonNode j : call("GET", "jobs", null).path("jobs")) {
            JobState state = JobState.parse(j.path("job_state").asText());
            if (!state.finished()
                    && label.equals(j.path("comment").asText())
                    && rest.user().equals(j.path("user_name").asText())) {
                ids.add(j.path("job_id").asText());
            }
        }
        return ids;
    }

    @Override
    public List<String> partitions() {
        JsonNode nodes = call("GET", "nodes", null).path("nodes");
        List<String> out = new ArrayList<>();
        for (JsonNode p : call("GET", "partitions", null).path("partitions")) {
            String name = p.path("name").asText();
            int total = 0;
            int idle = 0;
            int cpus = 0;
            long memory = 0;
            String gres = "";
            for (JsonNode n : nodes) {
                boolean member = false;
                for (JsonNode part : n.path("partitions")) {
                    member |= part.asText().equals(name);
                }
                if (member) {
                    total++;
                    idle += n.path("state").asText().equalsIgnoreCase("idle") ? 1 : 0;
                    cpus = n.path("cpus").asInt();
                    memory = n.path("real_memory").asLong();
                    gres = n.path("gres").asText("");
                }
            }
            out.add(name + "|" + p.path("state").asText("").toLowerCase(java.util.Locale.ROOT) + "|" + total + "|"
                    + idle + " idle|" + cpus + "|" + memory + "|" + gres);
        }
        return out;
    }

    private JsonNode call(String method, String path, JsonNode body) {
        URI uri = rest.url().resolve("/" + API + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("X-SLURM-USER-NAME", rest.user())
                .header("X-SLURM-USER-TOKEN", rest.token())
                .header("Accept", "application/json");
        try {
            request.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new SandboxException(
                        "slurmrestd refused the token of " + rest.user() + " (HTTP "
                                + response.statusCode() + "); make a new one with `scontrol token username="
                                + rest.user()
                                + " lifespan=...`",
                        false);
            }
            if (response.statusCode() >= 300) {
                throw new SandboxException(
                        "slurmrestd answered HTTP " + response.statusCode() + " to " + method + " " + path + ": "
                                + errors(answer),
                        true);
            }
            return answer;
        } catch (IOException e) {
            throw new SandboxException("cannot reach slurmrestd at " + rest.url() + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while talking to slurmrestd", true, e);
        }
    }

    private static String errors(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("errors").forEach(e -> out.add(e.path("error").asText(e.toString())));
        return out.isEmpty() ? answer.toString() : String.join("; ", out);
    }
}
