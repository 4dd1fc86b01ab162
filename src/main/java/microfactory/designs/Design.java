package microfactory.designs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An open design in the catalogue; {@code forkedFrom} is the version it was forked from, if any. */
public record Design(long id, String slug, String name, String description, String licence, String authors, DesignStatus status,
                     String repo, Long forkedFrom, Instant createdAt, String links) {

    /** The links as (label, url) pairs: each line reads "label url", or just a url. */
    public List<String[]> linkList() {
        List<String[]> out = new ArrayList<>();
        for (String line : links == null ? new String[0] : links.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            int space = l.lastIndexOf(' ');
            out.add(space < 0 ? new String[] {l, l} : new String[] {l.substring(0, space).strip(), l.substring(space + 1)});
        }
        return out;
    }
}
