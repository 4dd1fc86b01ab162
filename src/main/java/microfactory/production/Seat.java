package microfactory.production;

/** Seats by role: {@code seats} places on the crew for members holding {@code skill} ≥ {@code level}; {@code taken} confirmed. */
public record Seat(long id, String skill, int level, int seats, long taken) {

    public String label() {
        return skill + " ≥ " + level;
    }

    public long free() {
        return Math.max(0, seats - taken);
    }
}
