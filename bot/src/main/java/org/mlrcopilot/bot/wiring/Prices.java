package org.mlrcopilot.bot.wiring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlrcopilot.agents.usage.Price;
import org.mlrcopilot.agents.usage.PriceTable;

/** The price table: built-in list prices plus budget.prices ("model=in/out[/cached]", USD per million tokens). */
public final class Prices {

    private Prices() {}

    public static PriceTable table(String overrides) {
        Map<String, Price> extra = new LinkedHashMap<>();
        for (String entry : overrides.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.strip().split("=", 2);
            String[] p = kv[1].split("/");
            double in = Double.parseDouble(p[0]);
            extra.put(kv[0], new Price(in, Double.parseDouble(p[1]), p.length > 2 ? Double.parseDouble(p[2]) : in));
        }
        return PriceTable.defaults().with(extra);
    }
}
