package org.mlrcopilot.bot.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store contract test run twice: on H2 (a fresh data directory) and on PostgreSQL (a fresh schema in a database
 * of the test class). The test takes a {@link TestStores} and opens (and reopens) its store through it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EveryDatabase.class)
public @interface OnEveryDatabase {}
