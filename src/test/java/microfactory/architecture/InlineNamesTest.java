package microfactory.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Code names types by imports, not by inline fully-qualified names; a qualified name stays only where two types of
 * the same simple name meet in one file (the other one imported or declared there).
 */
class InlineNamesTest {

    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])(?:java|javax|jakarta|org|com|tools|io|microfactory)(?:\\.[a-z_][a-z0-9_]*)+\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?[\\w.]*?\\.([A-Z]\\w*)[\\w.]*;", Pattern.MULTILINE);
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|record|enum|interface)\\s+([A-Z]\\w*)");

    @Test
    void typesAreNamedByImports() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    inline.addAll(inlineNames(file));
                }
            }
        }
        assertThat(inline).as("inline fully-qualified names: import them").isEmpty();
    }

    @Test
    void theCheckFindsAnInlineNameAndAllowsAClash() {
        assertThat(inlineIn("class A { java.util.List<String> xs; }")).containsExactly("java.util.List");
        assertThat(inlineIn("import a.b.Bay;\nclass A { microfactory.scheduling.Bay b; }")).isEmpty();
        assertThat(inlineIn("class A { String s = \"java.util.List\"; /* java.util.Map */ }")).isEmpty();
    }

    private static List<String> inlineNames(Path file) throws IOException {
        return inlineIn(Files.readString(file)).stream().map(name -> file + ": " + name).toList();
    }

    private static List<String> inlineIn(String source) {
        String code = withoutCommentsAndStrings(source);
        Set<String> known = new TreeSet<>();
        Matcher imported = IMPORT.matcher(code);
        while (imported.find()) {
            known.add(imported.group(1));
        }
        Matcher declared = DECLARED.matcher(code);
        while (declared.find()) {
            known.add(declared.group(1));
        }
        List<String> found = new ArrayList<>();
        for (String line : code.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("import ") || trimmed.startsWith("package ")) {
                continue;
            }
            Matcher name = QUALIFIED.matcher(line);
            while (name.find()) {
                if (!known.contains(name.group(1))) {
                    found.add(name.group());
                }
            }
        }
        return found;
    }

    /** The source with comments, string and character literals and text blocks blanked out. */
    static String withoutCommentsAndStrings(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
            } else if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                end = i + 1;
                while (end < source.length() && source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
            } else {
                out.append(source.charAt(i++));
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(source.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }
}
