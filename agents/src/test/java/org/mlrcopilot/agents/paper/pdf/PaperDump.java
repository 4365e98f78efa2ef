package org.mlrcopilot.agents.paper.pdf;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints what the reader recovers from a PDF: title, abstract, section headings, reference count. */
public final class PaperDump {

    public static void main(String[] args) throws Exception {
        PdfPaper p = new PdfPaperReader().read(Files.readAllBytes(Path.of(args[0])));
        System.out.println("TITLE " + p.title());
        System.out.println("ABSTRACT " + p.abstractText().substring(0, Math.min(120, p.abstractText().length())));
        p.sections().forEach(s -> System.out.println("SECTION " + s.level() + " [" + s.heading() + "] "
                + s.text().length()));
        System.out.println("REFERENCES " + p.references().size());
        p.references().stream().limit(Integer.getInteger("refs", 2)).forEach(r -> System.out.println("  " + r.substring(0, Math.min(70, r.length()))));
    }
}
