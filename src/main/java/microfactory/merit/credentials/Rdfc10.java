package microfactory.merit.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.nquads.NQuadsWriter;

/**
 * RDF Dataset Canonicalization (W3C RDFC-1.0) with SHA-256 (or another hash): collects quads, labels blank nodes canonically
 * (first-degree hashes, then n-degree hashes for ties) and writes sorted canonical N-Quads. Ours rather than
 * titanium-rdfc 2.0.0, which labels blank-node graph names differently from the reference implementations on
 * credentials carrying embedded proofs (1EdTech's complete.json), so their signatures would not verify.
 * A work limit stops crafted datasets whose n-degree hashing would otherwise explode.
 */
final class Rdfc10 implements RdfQuadConsumer {

    /** Hash N-Degree Quads calls and permutations allowed before giving up (real credentials need a few hundred). */
    static final int WORK_LIMIT = 200_000;

    private record Quad(String s, String p, String o, String datatype, String language, String direction, String g) {

        String[] blanks() {
            return new String[] {isBlank(s) ? s : null, datatype == null && isBlank(o) ? o : null, g != null && isBlank(g) ? g : null};
        }

        String serialize(Map<String, String> rename) {
            return NQuadsWriter.nquad(label(s, rename), p, datatype == null ? label(o, rename) : o, datatype, language, direction,
                    g == null ? null : label(g, rename));
        }

        private static String label(String term, Map<String, String> rename) {
            return isBlank(term) ? rename.getOrDefault(term, term) : term;
        }
    }

    /** Issues identifiers with a prefix in order, remembering the order (RDFC-1.0 "identifier issuer"). */
    private static final class Issuer {
        final String prefix;
        final LinkedHashMap<String, String> issued;

        Issuer(String prefix) {
            this(prefix, new LinkedHashMap<>());
        }

        private Issuer(String prefix, LinkedHashMap<String, String> issued) {
            this.prefix = prefix;
            this.issued = issued;
        }

        String id(String existing) {
            return issued.computeIfAbsent(existing, e -> prefix + issued.size());
        }

        boolean has(String existing) {
            return issued.containsKey(existing);
        }

        Issuer copy() {
            return new Issuer(prefix, new LinkedHashMap<>(issued));
        }
    }

    private record NDegree(String hash, Issuer issuer) {
    }

    private final List<Quad> quads = new ArrayList<>();
    private final Set<Quad> seen = new HashSet<>();
    private final Map<String, List<Quad>> quadsOf = new HashMap<>();
    private final Map<String, String> firstDegree = new HashMap<>();
    private final Issuer canonical = new Issuer("_:c14n");
    private int work;
    private final String hashAlgorithm;

    /** With SHA-256, as eddsa-rdfc-2022 uses it. */
    Rdfc10() {
        this("SHA-256");
    }

    /** With another hash (the suite's "SHA384" cases): a JDK MessageDigest name, such as SHA-384. */
    Rdfc10(String hashAlgorithm) {
        this.hashAlgorithm = hashAlgorithm;
    }

    /** The canonical identifier issued to each blank node of the input (after {@link #canonical()}). */
    Map<String, String> issuedIdentifiers() {
        return Map.copyOf(canonical.issued);
    }

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language, String direction,
                                String graph) {
        Quad q = new Quad(subject, predicate, object, datatype, language, direction, graph);
        if (!seen.add(q)) {
            return this; // a dataset is a set: a repeated quad counts once
        }
        quads.add(q);
        for (String b : q.blanks()) {
            if (b != null) {
                List<Quad> list = quadsOf.computeIfAbsent(b, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != q) {
                    list.add(q);
                }
            }
        }
        return this;
    }

    /** The canonical N-Quads, one line per quad (each ending in a newline), in code point order. */
    String canonical() {
        Map<String, List<String>> byHash = new TreeMap<>();
        for (String b : quadsOf.keySet()) {
            byHash.computeIfAbsent(firstDegreeHash(b), h -> new ArrayList<>()).add(b);
        }
        List<List<String>> shared = new ArrayList<>();
        for (var e : byHash.entrySet()) {
            if (e.getValue().size() == 1) {
                canonical.id(e.getValue().get(0));
            } else {
                shared.add(e.getValue());
            }
        }
        for (List<String> nodes : shared) {
            List<NDegree> results = new ArrayList<>();
            for (String b : nodes) {
                if (canonical.has(b)) {
                    continue;
                }
                Issuer temporary = new Issuer("_:b");
                temporary.id(b);
                results.add(nDegree(b, temporary));
            }
            results.sort((x, y) -> x.hash().compareTo(y.hash()));
            for (NDegree r : results) {
                r.issuer().issued.keySet().forEach(canonical::id);
            }
        }
        List<String> lines = new ArrayList<>(quads.size());
        for (Quad q : quads) {
            lines.add(q.serialize(canonical.issued));
        }
        lines.sort(null);
        return String.join("", lines);
    }

    private String firstDegreeHash(String blank) {
        return firstDegree.computeIfAbsent(blank, b -> {
            List<String> lines = new ArrayList<>();
            for (Quad q : quadsOf.get(b)) {
                Map<String, String> rename = new HashMap<>();
                for (String other : q.blanks()) {
                    if (other != null) {
                        rename.put(other, other.equals(b) ? "_:a" : "_:z");
                    }
                }
                lines.add(q.serialize(rename));
            }
            lines.sort(null);
            return hash(String.join("", lines));
        });
    }

    private String relatedHash(String related, Quad quad, Issuer issuer, String position) {
        String id = canonical.has(related) ? canonical.id(related) : issuer.has(related) ? issuer.id(related) : firstDegreeHash(related);
        return hash(position + (position.equals("g") ? "" : "<" + quad.p() + ">") + id);
    }

    private NDegree nDegree(String blank, Issuer issuer) {
        tick();
        Map<String, List<String>> hashToRelated = new TreeMap<>();
        String[] positions = {"s", "o", "g"};
        for (Quad q : quadsOf.get(blank)) {
            String[] blanks = q.blanks();
            for (int k = 0; k < 3; k++) {
                if (blanks[k] != null && !blanks[k].equals(blank)) {
                    hashToRelated.computeIfAbsent(relatedHash(blanks[k], q, issuer, positions[k]), h -> new ArrayList<>()).add(blanks[k]);
                }
            }
        }
        StringBuilder data = new StringBuilder();
        Issuer current = issuer;
        for (var e : hashToRelated.entrySet()) {
            data.append(e.getKey());
            String chosenPath = null;
            Issuer chosenIssuer = null;
            for (List<String> permutation : permutations(e.getValue())) {
                tick();
                Issuer copy = current.copy();
                StringBuilder path = new StringBuilder();
                List<String> recursion = new ArrayList<>();
                boolean next = false;
                for (String related : permutation) {
                    if (canonical.has(related)) {
                        path.append(canonical.id(related));
                    } else {
                        if (!copy.has(related)) {
                            recursion.add(related);
                        }
                        path.append(copy.id(related));
                    }
                    if (chosenPath != null && path.toString().compareTo(chosenPath) > 0) {
                        next = true;
                        break;
                    }
                }
                if (next) {
                    continue;
                }
                for (String related : recursion) {
                    NDegree result = nDegree(related, copy);
                    path.append(copy.id(related)).append('<').append(result.hash()).append('>');
                    copy = result.issuer();
                    if (chosenPath != null && path.toString().compareTo(chosenPath) > 0) {
                        next = true;
                        break;
                    }
                }
                if (next) {
                    continue;
                }
                if (chosenPath == null || path.toString().compareTo(chosenPath) < 0) {
                    chosenPath = path.toString();
                    chosenIssuer = copy;
                }
            }
            data.append(chosenPath);
            current = chosenIssuer;
        }
        return new NDegree(hash(data.toString()), current);
    }

    private void tick() {
        if (++work > WORK_LIMIT) {
            throw new IllegalStateException("RDF canonicalization needs more than " + WORK_LIMIT + " steps");
        }
    }

    /** Every order of the list (Heap's algorithm); the lists here are short, as a node's ties are. */
    private List<List<String>> permutations(List<String> items) {
        List<List<String>> out = new ArrayList<>();
        permute(new ArrayList<>(items), items.size(), out);
        return out;
    }

    private void permute(List<String> a, int k, List<List<String>> out) {
        tick();
        if (k <= 1) {
            out.add(new ArrayList<>(a));
            return;
        }
        for (int i = 0; i < k - 1; i++) {
            permute(a, k - 1, out);
            Collections.swap(a, k % 2 == 0 ? i : 0, k - 1);
        }
        permute(a, k - 1, out);
    }

    private String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(hashAlgorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(String term) {
        return term != null && term.startsWith("_:");
    }
}
