package org.mlrcopilot.papers.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/** Builds small PDFs for tests; positions are in points from the top left corner of a Letter page. */
final class SyntheticPdf {

    static final float WIDTH = PDRectangle.LETTER.getWidth();
    static final float HEIGHT = PDRectangle.LETTER.getHeight();

    private final PDDocument document = new PDDocument();
    private final Map<FontName, PDType1Font> fonts = new EnumMap<>(FontName.class);
    private PDPage page;
    private PDPageContentStream content;

    SyntheticPdf newPage() {
        closeContent();
        page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SyntheticPdf text(FontName font, float size, float x, float top, String text) {
        try {
            content.beginText();
            content.setFont(fonts.computeIfAbsent(font, PDType1Font::new), size);
            content.newLineAtOffset(x, HEIGHT - top);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SyntheticPdf lines(FontName font, float size, float x, float top, String... lines) {
        for (int i = 0; i < lines.length; i++) {
            text(font, size, x, top + i * size * 1.25f, lines[i]);
        }
        return this;
    }

    SyntheticPdf link(float x, float top, float width, float height, String uri) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(x, HEIGHT - top - height, width, height));
        PDActionURI action = new PDActionURI();
        action.setURI(uri);
        link.setAction(action);
        try {
            page.getAnnotations().add(link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] bytes() {
        return save(null);
    }

    byte[] encrypted(String userPassword) {
        StandardProtectionPolicy policy =
                new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        return save(policy);
    }

    private byte[] save(StandardProtectionPolicy policy) {
        closeContent();
        try (document;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (policy != null) {
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }
}
