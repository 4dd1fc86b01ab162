package microfactory.web;

/** A signed-in principal that has a name to show in the layout, and the pseudonym public records know them by. */
public interface DisplayNamed {
    String displayName();

    String publicId();
}
