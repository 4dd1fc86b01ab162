package microfactory.learning;

/** The track form's fields, the kind by its name; what it cannot read is refused beside the field. */
public record TrackForm(String code, String name, String kind, String description) {

    Track toTrack() {
        TrackKind k = null;
        try {
            k = kind == null || kind.isBlank() ? null : TrackKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            // left null: the track's validation names the field
        }
        return new Track(code, name, k, description);
    }
}
