package microfactory.members;

import java.util.Arrays;
import java.util.List;

/** What a person may do. Each role includes the ones below it. */
public enum Role {
    MEMBER, STEWARD, ADMIN;

    /** Spring authorities, with the lower roles implied: an admin is also a steward and a member. */
    public List<String> authorities() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal())
                .map(r -> "ROLE_" + r.name()).toList();
    }
}
