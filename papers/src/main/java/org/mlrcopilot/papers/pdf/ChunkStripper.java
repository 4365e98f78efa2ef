package org.mlrcopilot.papers.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects the text runs of a document in content-stream order. Position sorting stays off:
 * it would interleave the lines of two-column layouts. Text that does not run upright for
 * the reader (such as the arXiv stamp in the margin) is left out.
 */
final class ChunkStripper extends PDFTextStripper {

    private static final Pattern BOLD_NAME = Pattern.compile("(?i)bold|black|heavy|demi|medi|cmbx");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Co}\\uFFFD]");

    private final List<Chunk> chunks = new ArrayList<>();
    private final Map<PDFont, Boolean> boldFonts = new HashMap<>();
    private final int maxChars;
    private int chars;

    ChunkStripper(int maxPages, int maxChars) {
        this.maxChars = maxChars;
        setSortByPosition(false);
        setSuppressDuplicateOverlappingText(false);
        setEndPage(maxPages);
    }

    List<Chunk> collect(PDDocument document) throws IOException {
        writeText(document, Writer.nullWriter());
        return List.copyOf(chunks);
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        if (chars < maxChars) {
            super.processPage(page);
        }
    }

    @Override
    protected void writeString(String raw, List<TextPosition> positions) {
        String text = CONTROL.matcher(raw).replaceAll("");
        if (text.isBlank() || positions.isEmpty() || chars >= maxChars) {
            return;
        }
        TextPosition first = positions.get(0);
        if (first.getDir() != first.getRotation() % 360) {
            return;
        }
        TextPosition last = positions.get(positions.size() - 1);
        TextPosition middle = positions.get(positions.size() / 2);
        chars += text.length();
        chunks.add(new Chunk(
                text,
                getCurrentPageNo(),
                first.getXDirAdj(),
                last.getXDirAdj() + last.getWidthDirAdj(),
                middle.getYDirAdj(),
                sizeOf(middle),
                isBold(middle.getFont()),
                first.getDir() % 180 == 0 ? first.getPageHeight() : first.getPageWidth()));
    }

    private static float sizeOf(TextPosition position) {
        float size = position.getYScale();
        return size > 0 ? size : position.getFontSizeInPt();
    }

    private boolean isBold(PDFont font) {
        return font != null && boldFonts.computeIfAbsent(font, ChunkStripper::looksBold);
    }

    private static boolean looksBold(PDFont font) {
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null && (descriptor.getFontWeight() >= 600 || descriptor.isForceBold())) {
            return true;
        }
        String name = font.getName();
        return name != null && BOLD_NAME.matcher(name).find();
    }
}
