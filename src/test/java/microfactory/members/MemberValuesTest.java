package microfactory.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberValuesTest {

    @Test
    void higherRolesIncludeTheLowerOnes() {
        assertThat(Role.MEMBER.authorities()).containsExactly("ROLE_MEMBER");
        assertThat(Role.STEWARD.authorities()).containsExactly("ROLE_MEMBER", "ROLE_STEWARD");
        assertThat(Role.ADMIN.authorities()).containsExactly("ROLE_MEMBER", "ROLE_STEWARD", "ROLE_ADMIN");
    }

    @Test
    void planTermsReadAsTheSourceStatesThem() {
        Plan flat = new Plan(1, "f", "Full", PlanKind.FLAT_DUES, 500_000L, "USD", null, true, true, "", true);
        Plan share = new Plan(2, "s", "Share", PlanKind.VALUE_SHARE, null, "USD", 1000, true, false, "", true);
        assertThat(flat.terms()).isEqualTo("$5,000.00 a year");
        assertThat(share.terms()).isEqualTo("10% of the value you produce");
        assertThat(share.rights()).isEqualTo("Use of the factory for your own production");
    }
}
