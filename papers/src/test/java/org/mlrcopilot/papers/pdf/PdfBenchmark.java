package org.mlrcopilot.papers.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Compares {@link PdfPaperReader} with poppler's {@code pdftotext}: median wall time over
 * several runs after a warm-up, per page. Arguments: PDF files (default: the test fixtures).
 */
public final class PdfBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 15;

    private PdfBenchmark() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.pdfbox", "error");
        List<Path> files = args.length > 0 ? Arrays.stream(args).map(Path::of).toList() : fixtures();
        System.out.printf(
                Locale.ROOT, "%-24s %5s %12s %14s %8s%n", "file", "pages", "ours ms/pg", "pdftotext ms/pg", "ratio");
        for (Path file : files) {
            report(file);
        }
    }

    private static void report(Path file) throws IOException {
        byte[] pdf = Files.readAllBytes(file);
        PdfPaperReader reader = new PdfPaperReader();
        int pages = reader.read(pdf).pages();
        double ours = median(() -> reader.read(pdf)) / pages;
        double poppler = median(() -> pdftotext(file)) / pages;
        System.out.printf(
                Locale.ROOT,
                "%-24s %5d %12.2f %14.2f %8.2f%n",
                file.getFileName(),
                pages,
                ours,
                poppler,
                ours / poppler);
    }

    private static double median(Runnable task) {
        for (int i = 0; i < WARM_UP; i++) {
            task.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            task.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(null);
        return millis.get(RUNS / 2);
    }

    private static void pdftotext(Path file) {
        ProcessBuilder builder = new ProcessBuilder("pdftotext", file.toString(), "-")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pdftotext failed on " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("pdftotext not found (apt-get install poppler-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> fixtures() throws IOException {
        Path directory = Files.createTempDirectory("pdf-benchmark-");
        directory.toFile().deleteOnExit();
        List<Path> files = new ArrayList<>();
        for (String name : FixturePapers.ALL) {
            Path file = Files.write(directory.resolve(name), FixturePapers.bytes(name));
            file.toFile().deleteOnExit();
            files.add(file);
        }
        return files;
    }
}
