package microfactory.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongPhrase() {
        assertThat(PasswordPolicy.weakness("tractor in the spring rain", "ada@example.org", "Ada")).isEmpty();
    }

    @Test
    void refusesShortCommonRepetitiveOrPersonalPasswords() {
        assertThat(PasswordPolicy.weakness("short", "a@b.org", "A")).hasValueSatisfying(w -> assertThat(w).contains("10"));
        assertThat(PasswordPolicy.weakness("Password123", "a@b.org", "A")).hasValueSatisfying(w -> assertThat(w).contains("common"));
        assertThat(PasswordPolicy.weakness("aaaaabbbbbb", "a@b.org", "A")).hasValueSatisfying(w -> assertThat(w).contains("different"));
        assertThat(PasswordPolicy.weakness("xx-marcin.j-2026", "marcin.j@example.org", "M")).hasValueSatisfying(w -> assertThat(w).contains("email"));
        assertThat(PasswordPolicy.weakness("i am okafor forever", "x@example.org", "Okafor")).hasValueSatisfying(w -> assertThat(w).contains("name"));
        assertThat(PasswordPolicy.weakness("x".repeat(129) + "abcd", "a@b.org", "A")).isPresent();
    }
}
