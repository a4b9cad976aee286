package org.openphm.publish.chart;

import java.util.Locale;

/**
 * The NHS England "Making Data Count" variation and assurance icons, drawn as small SVG badges (a coloured
 * circle with the icon's letter) so the pack and the dashboard show the same mark. Colours follow the MDC
 * convention: blue improvement/pass, orange concern/fail, grey common cause/hit-and-miss.
 */
public enum SpcIcon {
    COMMON_CAUSE("Common cause variation", SpcPointType.COMMON_CAUSE, "~"),
    IMPROVEMENT_HIGH("Special cause improvement (high)", SpcPointType.IMPROVEMENT, "H"),
    IMPROVEMENT_LOW("Special cause improvement (low)", SpcPointType.IMPROVEMENT, "L"),
    CONCERN_HIGH("Special cause concern (high)", SpcPointType.CONCERN, "H"),
    CONCERN_LOW("Special cause concern (low)", SpcPointType.CONCERN, "L"),
    NEITHER_HIGH("Special cause variation, higher (no judgement)", SpcPointType.NEITHER, "H"),
    NEITHER_LOW("Special cause variation, lower (no judgement)", SpcPointType.NEITHER, "L"),
    // assurance borrows the variation colours: pass reads as good news, fail as concern, hit and miss as neutral
    PASS("Assurance: consistently passing the target", SpcPointType.IMPROVEMENT, "P"),
    FAIL("Assurance: consistently failing the target", SpcPointType.CONCERN, "F"),
    HIT_AND_MISS("Assurance: hit and miss, the target is within the limits", SpcPointType.COMMON_CAUSE, "?");

    private final String label;
    private final SpcPointType type;
    private final String letter;

    SpcIcon(String label, SpcPointType type, String letter) {
        this.label = label;
        this.type = type;
        this.letter = letter;
    }

    public String label() {
        return label;
    }

    /** For a variation icon, the type of the point it describes; assurance icons take the matching colour. */
    public SpcPointType type() {
        return type;
    }

    public String colour() {
        return type.colour();
    }

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
        String colour = colour();
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
