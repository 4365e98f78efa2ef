package org.mlrcopilot.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings gathered layer by layer, later layers overriding earlier ones, with the warnings raised on the way.
 * {@link #values()} parses the winning settings and reports every problem at once.
 */
final class Resolution {

    private final Map<Key, Setting> settings = new EnumMap<>(Key.class);
    private final List<String> warnings = new ArrayList<>();

    Resolution() {
        for (Key key : Key.values()) {
            set(key, key.defaultValue(), "default");
        }
    }

    void set(Key key, String raw, String source) {
        settings.put(key, new Setting(raw, source, null));
    }

    void reject(Key key, String raw, String rule, String source) {
        settings.put(key, new Setting(raw, source, rule));
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        settings.forEach((key, setting) -> sources.put(key.id(), setting.source()));
        return sources;
    }

    Values values() {
        Map<Key, Object> values = new EnumMap<>(Key.class);
        List<String> problems = new ArrayList<>();
        settings.forEach((key, setting) -> {
            try {
                if (setting.rejection() != null) {
                    throw new IllegalArgumentException(setting.rejection());
                }
                values.put(key, key.parse(setting.raw()));
            } catch (IllegalArgumentException e) {
                problems.add(key.id() + ": " + key.quote(setting.raw()) + " " + e.getMessage() + " (from "
                        + setting.source() + ")");
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Values(values);
    }
}
