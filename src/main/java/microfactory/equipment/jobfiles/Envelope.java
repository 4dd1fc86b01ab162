package microfactory.equipment.jobfiles;

/** A machine's work envelope in mm, from the origin: moves must stay within 0..x, 0..y, 0..z. */
public record Envelope(double xMm, double yMm, double zMm) {
}
