package microfactory.chapter;

import java.time.LocalDate;

/** Who this chapter is: one running instance is one community microfactory. */
public record Chapter(String name, String site, String region, String currency, LocalDate foundedOn, String mission) {
}
