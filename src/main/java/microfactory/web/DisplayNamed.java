package microfactory.web;

/** A signed-in principal that has a name to show in the layout. */
public interface DisplayNamed {
    String displayName();
}
