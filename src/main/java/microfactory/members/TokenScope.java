package microfactory.members;

/** What a personal access token may do: read only, or read and write (as its member could). */
public enum TokenScope {
    READ, WRITE
}
