package org.mlrcopilot.agents.experiment.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreePictureTest {

    @TempDir
    Path dir;

    private final List<Node> nodes = List.of(
            PolicyTest.done("n1", null, 0.6),
            PolicyTest.failed("n2", null, Operator.DRAFT, 0),
            PolicyTest.done("n3", "n1", 0.7),
            PolicyTest.failed("n4", "n2", Operator.DEBUG, 1),
            PolicyTest.done("n5", "n1", 0.65));

    @Test
    void theTextShowsEachNodeUnderItsParentAndMarksThePathToTheBest() {
        assertThat(TreePicture.text(nodes, "n3"))
                .isEqualTo(String.join(
                        "\n",
                        "n1 draft 0.6000  ◆",
                        "├─ n3 improve 0.7000  ★ best",
                        "└─ n5 improve 0.6500",
                        "n2 draft failed",
                        "└─ n4 debug failed"));
    }

    @Test
    void aLongTreeIsCutWithACount() {
        List<Node> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            many.add(PolicyTest.done("n" + i, null, 0.5));
        }
        String text = TreePicture.text(many, null);
        assertThat(text.lines()).hasSize(41);
        assertThat(text).endsWith("… 5 more nodes on the run page");
    }

    @Test
    void thePngDrawsDoneNodesGreenFailedOnesRedInColumnsAndRows() throws IOException {
        Path png = TreePicture.png(nodes, "n3", "accuracy", dir.resolve("tree.png"));

        BufferedImage image = ImageIO.read(png.toFile());
        // leaves n3, n5 under n1 and n4 under n2: three columns, two rows
        assertThat(image.getWidth()).isEqualTo(3 * 118 + 40);
        assertThat(image.getHeight()).isEqualTo(2 * 64 + 70);
        assertThat(colorAt(image, 0, 1)).as("n3, done").isEqualTo(new Color(0x2e, 0x7d, 0x32));
        assertThat(colorAt(image, 2, 1)).as("n5, done").isEqualTo(new Color(0x2e, 0x7d, 0x32));
        assertThat(colorAt(image, 1, 0)).as("n1, done, above its two children").isEqualTo(new Color(0x2e, 0x7d, 0x32));
        assertThat(colorAt(image, 4, 0)).as("n2, failed").isEqualTo(new Color(0xc6, 0x28, 0x28));
        assertThat(colorAt(image, 4, 1)).as("n4, failed").isEqualTo(new Color(0xc6, 0x28, 0x28));
    }

    /** The colour just left of the centre of the node at half-column {@code x}, row {@code row}. */
    private static Color colorAt(BufferedImage image, int x, int row) {
        int cx = 20 + x * 118 / 2 + 118 / 2 - 9;
        int cy = 50 + row * 64 + 13;
        return new Color(image.getRGB(cx, cy));
    }
}
