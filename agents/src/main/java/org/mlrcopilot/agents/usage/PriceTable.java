package org.mlrcopilot.agents.usage;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prices by model name. A model matches the longest entry it starts with, so dated snapshots
 * ("gpt-4o-2024-08-06") take their family's price. Unknown models cost nothing (local models).
 */
public final class PriceTable {

    private final Map<String, Price> prices;

    public PriceTable(Map<String, Price> prices) {
        Map<String, Price> lower = new LinkedHashMap<>();
        prices.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        this.prices = Map.copyOf(lower);
    }

    /** List prices per million tokens (input, output, cached input) as published by the providers. */
    public static PriceTable defaults() {
        Map<String, Price> p = new LinkedHashMap<>();
        p.put("gpt-4o-mini", new Price(0.15, 0.60, 0.075));
        p.put("gpt-4o", new Price(2.50, 10.00, 1.25));
        p.put("gpt-4.1-mini", new Price(0.40, 1.60, 0.10));
        p.put("gpt-4.1", new Price(2.00, 8.00, 0.50));
        p.put("claude-3-5-haiku", new Price(0.80, 4.00, 0.08));
        p.put("claude-haiku-4", new Price(1.00, 5.00, 0.10));
        p.put("claude-sonnet-4", new Price(3.00, 15.00, 0.30));
        p.put("claude-3-7-sonnet", new Price(3.00, 15.00, 0.30));
        p.put("claude-opus-4", new Price(15.00, 75.00, 1.50));
        return new PriceTable(p);
    }

    /** This table with {@code overrides} added or replacing entries. */
    public PriceTable with(Map<String, Price> overrides) {
        Map<String, Price> merged = new LinkedHashMap<>(prices);
        overrides.forEach((k, v) -> merged.put(k.toLowerCase(Locale.ROOT), v));
        return new PriceTable(merged);
    }

    public Price priceOf(String model) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
        return prices.entrySet().stream()
                .filter(e -> m.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(Price.FREE);
    }
}
