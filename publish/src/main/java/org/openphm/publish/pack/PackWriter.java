package org.openphm.publish.pack;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openphm.model.BackgroundWork;
import org.openphm.model.Progress;
import org.openphm.publish.results.ResultsDir;

/**
 * Writes the printed data pack from a built output directory: {@code DIR/pack/index.html} (self-contained,
 * opens offline from disk), {@code DIR/pack/datapack.pdf} (the same document through openhtmltopdf, with an
 * outline), and {@code DIR/pack/summary.pdf}: the seed's length and order, each item's headline chart and
 * each section's key insights, the full pack being its appendix.
 */
public final class PackWriter {
    public static final String PACK = "pack";
    public static final String HTML = "index.html";
    public static final String PDF = "datapack.pdf";
    public static final String SUMMARY_PDF = "summary.pdf";
    /** From Debian's fonts-dejavu-core (installed by .ci/browser-setup.sh): has £, ≥, – and −. */
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    static final Path DEJAVU_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private PackWriter() {}

    public static PackSummary write(Path buildDir, Progress progress) throws IOException {
        long start = System.nanoTime();
        ResultsDir results = ResultsDir.load(buildDir);
        progress.message(
                "pack: drawing charts for " + results.metadata().indicators().size() + " indicators and "
                        + results.metadata().analyses().size() + " analyses");
        Path dir = Files.createDirectories(buildDir.resolve(PACK));
        // The summary is a document of its own (its charts drawn and rendered again): made on a second thread
        // while the full pack renders, a fifth of the pack's time is taken off its length on two cores.
        Path summaryFile = dir.resolve(SUMMARY_PDF);
        ExecutorService second = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "summary-pdf");
            t.setDaemon(true);
            return t;
        });
        Future<Integer> summaryPages = second.submit(() -> {
            PackHtml summary = new PackHtml(results, PackHtml.Mode.SUMMARY);
            renderPdf(withOutline(summary.write(), summary), dir, summaryFile, progress);
            return pages(summaryFile);
        });
        second.shutdown();
        PackHtml page = new PackHtml(results, PackHtml.Mode.FULL);
        int pages;
        Path htmlFile = dir.resolve(HTML);
        Path pdfFile = dir.resolve(PDF);
        try {
            String html = page.write();
            Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
            progress.message("pack: wrote " + htmlFile);
            renderPdf(withOutline(html, page), dir, pdfFile, progress);
            pages = pages(pdfFile);
            progress.message("pack: wrote " + pdfFile + " (" + pages + " pages)");
        } catch (IOException | RuntimeException e) {
            summaryPages.cancel(true);
            throw e;
        }
        int summaryPageCount = BackgroundWork.result(summaryPages, "rendering " + summaryFile);
        progress.message("pack: wrote " + summaryFile + " (" + summaryPageCount + " pages)");
        int items = page.contents().allItems().size();
        return new PackSummary(
                htmlFile,
                pdfFile,
                page.contents().sections().size(),
                items,
                page.charts(),
                page.chartProblems(),
                Files.size(htmlFile),
                Files.size(pdfFile),
                pages,
                summaryFile,
                summaryPageCount,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static int pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    /** The PDF's input: the pack's XHTML with its outline in the head (openhtmltopdf's bookmarks). */
    private static String withOutline(String html, PackHtml page) {
        int head = html.indexOf("</head>");
        return html.substring(0, head) + page.bookmarks() + html.substring(head);
    }

    private static void renderPdf(String html, Path baseDir, Path pdfFile, Progress progress) throws IOException {
        Path partial = pdfFile.resolveSibling(pdfFile.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            // The renderer's INFO lines (stylesheet timings, font loading) are not for users; warnings still show.
            for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
                com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
            }
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (Files.isRegularFile(DEJAVU)) {
                builder.useFont(DEJAVU.toFile(), "DejaVu Sans");
                if (Files.isRegularFile(DEJAVU_BOLD)) {
                    builder.useFont(
                            DEJAVU_BOLD.toFile(), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
                }
            } else {
                progress.message("pack: " + DEJAVU + " missing (install fonts-dejavu-core): £, ≥ and – may not print");
            }
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html, baseDir.toUri().toString());
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw new IOException("could not render " + pdfFile + ": " + e.getMessage(), e);
        }
        // Atomic replace: a failed render never leaves a truncated PDF where the last good one was.
        Files.move(
                partial,
                pdfFile,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
