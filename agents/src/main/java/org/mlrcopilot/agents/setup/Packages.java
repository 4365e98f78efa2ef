package org.mlrcopilot.agents.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What the sandbox image offers, and the packages a plan names that it lacks. */
final class Packages {

    static final String INSTALLED = "python3 with numpy, scipy, pandas, scikit-learn and matplotlib (and torch, CPU "
            + "only, when the image was built from sandbox/image/Dockerfile)";
    private static final Map<String, String> NEEDS = Map.ofEntries(
            Map.entry("transformers", "\\b(transformers?|bert|roberta|gpt-?2|t5|llama|mistral|qwen|deberta|vit)\\b"),
            Map.entry("torch", "\\b(pytorch|torch|torchvision|resnet|cnn|lstm|neural network)\\b"),
            Map.entry("tensorflow", "\\b(tensorflow|keras)\\b"),
            Map.entry("xgboost", "\\bxgboost\\b"),
            Map.entry("lightgbm", "\\blightgbm\\b"),
            Map.entry("sentence-transformers", "\\bsentence-transformers\\b"),
            Map.entry("datasets", "\\bhugging ?face datasets\\b"),
            Map.entry("nltk", "\\bnltk\\b"),
            Map.entry("spacy", "\\bspacy\\b"));

    private Packages() {}

    /** One note per package the plan seems to need beyond the offline image. */
    static List<String> missing(String planText) {
        String text = planText.toLowerCase(Locale.ROOT);
        List<String> notes = new ArrayList<>();
        NEEDS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> Pattern.compile(e.getValue()).matcher(text).find())
                .forEach(e -> notes.add("the plan may need " + e.getKey() + ", which the offline sandbox image lacks "
                        + "(an operator adds it with EXTRA_REQUIREMENTS=\"" + e.getKey()
                        + "\" sandbox/image/build.sh)"));
        return notes;
    }
}
