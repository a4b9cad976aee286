package org.openphm.publish.pack;

/**
 * Escaping for the pack's XHTML (openhtmltopdf parses it as XML, so every text node must be escaped): the
 * templates' escaper ({@link PackTemplates}), and anchors made from ids.
 */
final class Xml {
    private Xml() {}

    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters; drop them rather than break the PDF.
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** An id usable as an XHTML anchor: letters, digits, '-', '_', '.'. */
    static String id(String s) {
        return "i-" + s.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
