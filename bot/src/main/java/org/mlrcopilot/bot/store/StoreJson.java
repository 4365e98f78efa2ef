package org.mlrcopilot.bot.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.nio.file.Path;

/**
 * JSON of the values kept in CLOB columns, as the file-based stores write it (NaN as the string "NaN"). A
 * {@link Path} is written as itself, so a relative path stays relative (Jackson's default writes an absolute
 * {@code file:} URI, which is still read).
 */
final class StoreJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("paths").addSerializer(Path.class, ToStringSerializer.instance)
                    .addDeserializer(Path.class, new PathDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private StoreJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A path as written, or a {@code file:} URI as Jackson's default wrote it. */
    private static final class PathDeserializer extends FromStringDeserializer<Path> {

        PathDeserializer() {
            super(Path.class);
        }

        @Override
        protected Path _deserialize(String value, DeserializationContext ctxt) {
            return value.startsWith("file:") ? Path.of(URI.create(value)) : Path.of(value);
        }
    }
}
