package org.mlrcopilot.agents.experiment.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading imperfect answers to an operator. */
class ProposalTest {

    @Test
    void aJsonAnswerWithProseAroundIt() {
        Proposal p = Proposal.parse(
                "Sure! Here it is:\n```json\n{\"plan\": \"an SVM\", \"files\": {\"train.py\": "
                        + "\"x = {'a': 1}\\nprint(x)\\n\"}}\n```\nGood luck.",
                "train.py");

        assertThat(p.plan()).isEqualTo("an SVM");
        assertThat(p.files()).isEqualTo(Map.of("train.py", "x = {'a': 1}\nprint(x)\n"));
    }

    @Test
    void filesAsAListAndAMissingPlan() {
        Proposal p = Proposal.parse(
                "{\"files\": [{\"path\": \"train.py\", \"content\": \"a\"}, "
                        + "{\"file_name\": \"util.py\", \"code\": \"b\"}]}",
                "train.py");

        assertThat(p.plan()).isEmpty();
        assertThat(p.files()).isEqualTo(Map.of("train.py", "a", "util.py", "b"));
    }

    @Test
    void aSingleCodeFieldIsTheScript() {
        assertThat(Proposal.parse("{\"summary\": \"s\", \"code\": \"print(1)\"}", "main.py")
                        .files())
                .isEqualTo(Map.of("main.py", "print(1)"));
    }

    @Test
    void fencedBlocksNamedByTheirInfoStringOrTheLineBefore() {
        Proposal p = Proposal.parse(
                "Use a forest.\n\n```python train.py\nprint(1)\n```\n\n**util.py**\n```python\n"
                        + "def f():\n    return {}\n```\n",
                "train.py");

        assertThat(p.files()).isEqualTo(Map.of("train.py", "print(1)\n", "util.py", "def f():\n    return {}\n"));
        assertThat(p.plan()).startsWith("Use a forest.");
    }

    @Test
    void oneUnnamedBlockIsTheScript() {
        assertThat(Proposal.parse("Here:\n```python\nprint(2)\n```", "train.py").files())
                .isEqualTo(Map.of("train.py", "print(2)\n"));
    }

    @Test
    void anAnswerWithoutCodeHasNoFiles() {
        assertThat(Proposal.parse("I cannot help with that.", "train.py").files())
                .isEmpty();
        assertThat(Proposal.parse("{\"plan\": \"only words\"}", "train.py").files())
                .isEmpty();
        assertThat(Proposal.parse(null, "train.py").files()).isEmpty();
    }
}
