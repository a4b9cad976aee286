package org.openphm.publish.pack;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pack's Mustache templates ({@code src/main/resources/org/openphm/publish/pack/NAME.mustache}), compiled
 * once. Every {@code {{value}}} is escaped for XHTML by {@link Xml#text}: besides Mustache's HTML escaping it
 * drops the control characters XML 1.0 forbids (openhtmltopdf parses the page as XML, and Mustache's own
 * escaper would write them as character references, which XML forbids too).
 *
 * <p>A template is always included from a line of its own ({@code {{> item}}}), and that line's break ends it:
 * mustache.java keeps the break after a standalone partial tag, so a template file's own last line break is
 * dropped when it is read, as if the file ended without one.
 */
final class PackTemplates {
    private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory("org/openphm/publish/pack") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(Xml.text(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Reader getReader(String resourceName) {
            try (Reader in = super.getReader(resourceName)) {
                StringWriter text = new StringWriter();
                in.transferTo(text);
                String t = text.toString();
                return new StringReader(t.endsWith("\n") ? t.substring(0, t.length() - 1) : t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final Map<String, Mustache> COMPILED = new ConcurrentHashMap<>();

    private PackTemplates() {}

    static String render(String template, Object view) {
        // the page is itself included from a line of its own, which ends it with a line break
        Mustache mustache = COMPILED.computeIfAbsent(
                template, t -> FACTORY.compile(new StringReader("{{> " + t + "}}\n"), t + "-page.mustache"));
        StringWriter out = new StringWriter(1 << 16);
        mustache.execute(out, view);
        return out.toString();
    }
}
