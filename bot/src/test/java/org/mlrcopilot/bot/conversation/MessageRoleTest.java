package org.mlrcopilot.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.bot.conversation.MessageRole.RunPart;

class MessageRoleTest {

    @Test
    void everyRoleReadsBackFromItsKey() {
        List<MessageRole> roles = List.of(
                MessageRole.ROOT,
                MessageRole.STATUS,
                MessageRole.BRIEF,
                MessageRole.PROBLEM,
                MessageRole.REPLY,
                MessageRole.hypothesis("H1", 1),
                MessageRole.hypothesis("H12", 3),
                MessageRole.of(RunPart.RUN, "run-1a2b"),
                MessageRole.of(RunPart.MILESTONE, "run-1a2b"),
                MessageRole.of(RunPart.SETUP, "run-1a2b"),
                MessageRole.of(RunPart.EXECUTION, "run-1a2b"),
                MessageRole.of(RunPart.QUESTION, "run-1a2b"),
                MessageRole.of(RunPart.RESULT, "run-1a2b"));
        for (MessageRole role : roles) {
            assertThat(MessageRole.parse(role.key())).as(role.key()).isEqualTo(role);
        }
    }

    @Test
    void theKeysAreTheOnesStoredBefore() {
        assertThat(MessageRole.ROOT.key()).isEqualTo("root");
        assertThat(MessageRole.hypothesis("H1", 1).key()).isEqualTo("hypothesis:H1");
        assertThat(MessageRole.hypothesis("H1", 2).key()).isEqualTo("hypothesis:H1:v2");
        assertThat(MessageRole.of(RunPart.RESULT, "run-9").key()).isEqualTo("result:run-9");
        assertThat(MessageRole.parse("hypothesis:H2:v4")).isEqualTo(new MessageRole.Hypothesis("H2", 4));
    }

    @Test
    void aKeyOfNoKnownRoleIsKeptAsItWas() {
        assertThat(MessageRole.parse("poll:run-1")).isEqualTo(new MessageRole.Other("poll:run-1"));
        assertThat(MessageRole.parse("run:")).isEqualTo(new MessageRole.Other("run:"));
        assertThat(MessageRole.parse("hypothesis:H1:v2:x")).isInstanceOf(MessageRole.Other.class);
    }
}
