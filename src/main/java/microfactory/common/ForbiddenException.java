package microfactory.common;

/** The signed-in person's role does not allow this (e.g. a steward making an admin): 403 on pages and in the API. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
