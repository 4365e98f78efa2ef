package org.mlrcopilot.agents.paper.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Prints a PDF's lines as the reader sees them (size, bold, position), for tuning structure recovery. */
public final class LineDump {

    public static void main(String[] args) throws Exception {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(Path.of(args[0])))) {
            int limit = args.length > 1 ? Integer.parseInt(args[1]) : 80;
            LineMerger.merge(new ChunkStripper(50, 2_000_000).collect(document)).stream().limit(limit)
                    .forEach(l -> System.out.printf("p%d y%6.1f x%6.1f s%5.2f %s | %s%n", l.page(), l.y(), l.x(),
                            l.size(), l.bold() ? "B" : " ", l.text()));
        }
    }
}
