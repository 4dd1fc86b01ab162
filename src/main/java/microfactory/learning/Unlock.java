package microfactory.learning;

/** A gated piece of work and this member's gate for it. */
public record Unlock(GatedWork.Gated work, Gate gate) {
}
