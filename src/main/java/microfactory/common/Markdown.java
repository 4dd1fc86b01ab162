package microfactory.common;

import org.springframework.web.util.HtmlUtils;

/**
 * Short Markdown — lessons, the kit's handbook: headings, paragraphs, bullet lists, bold, `code` and links, rendered to safe
 * HTML (everything else is text).
 */
public final class Markdown {

    private Markdown() {
    }

    public static String html(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean list = false;
        for (String raw : markdown.split("\n")) {
            String line = raw.strip();
            boolean item = line.startsWith("- ");
            if (list && !item) {
                out.append("</ul>");
                list = false;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("## ")) {
                out.append("<h3>").append(inline(line.substring(3))).append("</h3>");
            } else if (line.startsWith("# ")) {
                out.append("<h2>").append(inline(line.substring(2))).append("</h2>");
            } else if (item) {
                if (!list) {
                    out.append("<ul>");
                    list = true;
                }
                out.append("<li>").append(inline(line.substring(2))).append("</li>");
            } else {
                out.append("<p>").append(inline(line)).append("</p>");
            }
        }
        if (list) {
            out.append("</ul>");
        }
        return out.toString();
    }

    /** Escapes first, then turns **bold** and [text](https://…) into markup. */
    private static String inline(String text) {
        String safe = HtmlUtils.htmlEscape(text);
        safe = safe.replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>").replaceAll("`([^`]+)`", "<code>$1</code>");
        return safe.replaceAll("\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)", "<a href=\"$2\">$1</a>");
    }
}
