package org.mlrcopilot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The parsed value of every key, read by the records' factories. */
record Values(Map<Key, Object> map) {

    Values {
        map = new EnumMap<>(map);
    }

    String text(Key key) {
        return (String) map.get(key);
    }

    Path path(Key key) {
        return (Path) map.get(key);
    }

    Duration duration(Key key) {
        return (Duration) map.get(key);
    }

    long number(Key key) {
        return (Long) map.get(key);
    }

    int integer(Key key) {
        return (Integer) map.get(key);
    }

    double decimal(Key key) {
        return (Double) map.get(key);
    }

    boolean flag(Key key) {
        return (Boolean) map.get(key);
    }

    List<String> list(Key key) {
        return ((List<?>) map.get(key)).stream().map(String::valueOf).toList();
    }

    Secret secret(Key key) {
        return (Secret) map.get(key);
    }
}
