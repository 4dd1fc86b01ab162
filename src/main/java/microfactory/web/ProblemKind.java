package microfactory.web;

import org.springframework.http.HttpStatus;

/**
 * The problems this API defines beyond plain HTTP statuses (those keep type {@code about:blank}). Each has a type URI
 * under {@code /problems/} on the chapter's own server, which a person can open to read what it means and what to do.
 */
public enum ProblemKind {

    INVALID_FIELDS("invalid-fields", HttpStatus.BAD_REQUEST, "Invalid fields",
            "The request named values that cannot be used. The member \"errors\" lists each one as {\"field\", \"message\"}: "
                    + "fix those fields and send the request again. Nothing was changed."),
    TOO_MANY_ATTEMPTS("too-many-attempts", HttpStatus.TOO_MANY_REQUESTS, "Too many attempts",
            "Too many wrong passwords for one account, or from one address, in a short time. Wait the seconds the "
                    + "Retry-After header gives; the right password then works at once. Nobody is locked out for long."),
    CHAPTER_NOT_SET_UP("chapter-not-set-up", HttpStatus.SERVICE_UNAVAILABLE, "Chapter not set up",
            "This server runs no chapter yet. Its administrator opens /setup with the one-time token printed in the "
                    + "server's log, or runs 'chapter init'; the API answers once the chapter exists."),
    DEMO_LOADING("demo-loading", HttpStatus.SERVICE_UNAVAILABLE, "Demo loading",
            "The demo chapter is being made (members, designs, a ledger, a scheduled build). Try again after the "
                    + "seconds the Retry-After header gives; the ledger is never served half-loaded.");

    private final String slug;
    private final HttpStatus status;
    private final String title;
    private final String meaning;

    ProblemKind(String slug, HttpStatus status, String title, String meaning) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.meaning = meaning;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** What the problem means and what the client does about it. */
    public String meaning() {
        return meaning;
    }

    /** The type's path on the chapter's server; the problem carries it as an absolute URI. */
    public String path() {
        return "/problems/" + slug;
    }
}
