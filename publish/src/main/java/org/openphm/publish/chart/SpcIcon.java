package org.openphm.publish.chart;

import java.util.Locale;

/**
 * The NHS England "Making Data Count" variation and assurance icons, drawn as small SVG badges (a coloured
 * circle with the icon's letter) so the pack and the dashboard show the same mark. Colours follow the MDC
 * convention: blue improvement/pass, orange concern/fail, grey common cause/hit-and-miss.
 */
public enum SpcIcon {
    COMMON_CAUSE("Common cause variation", "#a6a6a6", "~"),
    IMPROVEMENT_HIGH("Special cause variation: improvement (high)", "#00b0f0", "H"),
    IMPROVEMENT_LOW("Special cause variation: improvement (low)", "#00b0f0", "L"),
    CONCERN_HIGH("Special cause variation: concern (high)", "#fab428", "H"),
    CONCERN_LOW("Special cause variation: concern (low)", "#fab428", "L"),
    NEITHER_HIGH("Special cause variation: higher (no judgement)", "#490092", "H"),
    NEITHER_LOW("Special cause variation: lower (no judgement)", "#490092", "L"),
    PASS("Assurance: consistently passing the target", "#00b0f0", "P"),
    FAIL("Assurance: consistently failing the target", "#fab428", "F"),
    HIT_AND_MISS("Assurance: hit and miss, the target is within the limits", "#a6a6a6", "?");

    private final String label;
    private final String colour;
    private final String letter;

    SpcIcon(String label, String colour, String letter) {
        this.label = label;
        this.colour = colour;
        this.letter = letter;
    }

    public String label() { return label; }

    public String colour() { return colour; }

    /** Reads the analysis's wording ("Special cause improvement high", "consistently passing", ...); null if none. */
    public static SpcIcon parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        boolean low = t.contains("low");
        if (t.contains("common")) {
            return COMMON_CAUSE;
        }
        if (t.contains("improv")) {
            return low ? IMPROVEMENT_LOW : IMPROVEMENT_HIGH;
        }
        if (t.contains("concern")) {
            return low ? CONCERN_LOW : CONCERN_HIGH;
        }
        if (t.contains("neither") || t.contains("special")) {
            return low ? NEITHER_LOW : NEITHER_HIGH;
        }
        if (t.contains("pass")) {
            return PASS;
        }
        if (t.contains("fail")) {
            return FAIL;
        }
        if (t.contains("hit") || t.contains("miss") || t.contains("random")) {
            return HIT_AND_MISS;
        }
        return null;
    }

    /** A standalone SVG badge, valid inside XHTML (for openhtmltopdf) and HTML5. */
    public String svg(int size) {
        double r = size / 2.0;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
                + "\" viewBox=\"0 0 " + size + " " + size + "\" role=\"img\" aria-label=\"" + label + "\">"
                + "<title>" + label + "</title>"
                + "<circle cx=\"" + r + "\" cy=\"" + r + "\" r=\"" + (r - 1) + "\" fill=\"white\" stroke=\""
                + colour + "\" stroke-width=\"3\"/>"
                + "<text x=\"" + r + "\" y=\"" + (r + size * 0.16) + "\" text-anchor=\"middle\" font-size=\""
                + Math.round(size * 0.45) + "\" font-family=\"DejaVu Sans, sans-serif\" font-weight=\"bold\" fill=\""
                + colour + "\">" + letter + "</text></svg>";
    }
}
