package org.mlrcopilot.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment every sandboxed command starts with; the request's variables are added on top. */
public final class SandboxEnvironment {

    private SandboxEnvironment() {}

    public static Map<String, String> of(ExecutionRequest request) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", "/tmp");
        env.put("LANG", "C.UTF-8");
        env.put("MPLBACKEND", "Agg");
        env.put("MPLCONFIGDIR", "/tmp");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONUNBUFFERED", "1");
        env.put("OMP_NUM_THREADS", String.valueOf(Math.max(1, (int)
                Math.ceil(request.limits().cpus()))));
        env.putAll(request.env());
        return env;
    }
}
