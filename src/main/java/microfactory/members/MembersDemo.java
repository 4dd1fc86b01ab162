package microfactory.members;

import java.text.Normalizer;
import java.time.LocalDate;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import microfactory.common.DemoData;

/**
 * The demo chapter's plans and people: the source's $5,000-a-year and 10%-of-value plans, and
 * about thirty members. Demo logins are in the README.
 */
@Component
class MembersDemo implements DemoData {

    private final MemberService members;
    private final PlanService plans;
    private final PasswordEncoder passwords;

    MembersDemo(MemberService members, PlanService plans, PasswordEncoder passwords) {
        this.members = members;
        this.plans = plans;
        this.passwords = passwords;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        plans.create(new PlanTerms("flat-dues", "Full member", PlanKind.FLAT_DUES, 500_000L, "USD", null, true, true,
                "Flat annual dues. Use of the factory for your own production (usufruct) and all training.", true));
        plans.create(new PlanTerms("value-share", "Producer member", PlanKind.VALUE_SHARE, null, "USD", 1000, true, true,
                "No dues up front: 10% of the value you produce in the factory. Usufruct and training.", true));
        plans.create(new PlanTerms("learner", "Learner", PlanKind.FLAT_DUES, 60_000L, "USD", null, false, true,
                "Training only: every track and badge, without production time.", true));

        LocalDate today = members.today();
        add("admin@demo.local", "Ada Okafor", Role.ADMIN, "demo-admin", "flat-dues", today.minusMonths(22));
        add("steward@demo.local", "Sam Steward", Role.STEWARD, "demo-steward", "flat-dues", today.minusMonths(20));
        add("member@demo.local", "Mia Member", Role.MEMBER, "demo-member", "flat-dues", today.minusMonths(3));

        // The rest share one password hash: hashing thirty passwords would slow the first start for nothing.
        String shared = passwords.encode("demo-member");
        String[][] people = {
            {"Marcin Jakubowski", "STEWARD", "flat-dues"}, {"Lucía Fernández", "STEWARD", "value-share"},
            {"Kwame Mensah", "MEMBER", "flat-dues"}, {"Priya Raman", "MEMBER", "value-share"},
            {"Tomás Álvarez", "MEMBER", "flat-dues"}, {"Hannah Schulz", "MEMBER", "learner"},
            {"Jamal Carter", "MEMBER", "value-share"}, {"Mei Lin", "MEMBER", "flat-dues"},
            {"Oluwaseun Adeyemi", "MEMBER", "value-share"}, {"Sofia Rossi", "MEMBER", "flat-dues"},
            {"Diego Morales", "MEMBER", "learner"}, {"Aiyana Redcloud", "MEMBER", "flat-dues"},
            {"Lars Nilsson", "MEMBER", "value-share"}, {"Fatima Zahra", "MEMBER", "flat-dues"},
            {"Ben Whitaker", "MEMBER", "value-share"}, {"Chloe Dubois", "MEMBER", "learner"},
            {"Ravi Patel", "MEMBER", "flat-dues"}, {"Grace Kim", "MEMBER", "value-share"},
            {"Nikolai Petrov", "MEMBER", "flat-dues"}, {"Amara Nwosu", "MEMBER", "value-share"},
            {"Ethan Brooks", "MEMBER", "learner"}, {"Yuki Tanaka", "MEMBER", "flat-dues"},
            {"Isabel Costa", "MEMBER", "value-share"}, {"Owen Murphy", "MEMBER", "flat-dues"},
            {"Zainab Hassan", "MEMBER", "value-share"}, {"Pedro Santos", "MEMBER", "flat-dues"},
            {"Elena Popescu", "MEMBER", "learner"},
        };
        for (int i = 0; i < people.length; i++) {
            String name = people[i][0];
            String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            String email = ascii.toLowerCase().replaceAll("[^a-z]+", ".") + "@demo.local";
            long id = members.insert(email, name, shared, Role.valueOf(people[i][1]));
            renewEachYear(id, plans.get(people[i][2]), today.minusDays(20L + 23L * i), today);
        }
        // One former member, to show deactivation in the steward's list.
        long former = members.insert("former.member@demo.local", "Victor Gray", shared, Role.MEMBER);
        members.startMembership(former, plans.get("learner"), today.minusMonths(18)); // lapsed, not renewed
        members.deactivate(former, -1);
    }

    private void add(String email, String name, Role role, String password, String planCode, LocalDate since) {
        long id = members.insert(email, name, passwords.encode(password), role);
        renewEachYear(id, plans.get(planCode), since, members.today());
    }

    /** Flat-dues members renew every year; their history shows each year's membership. */
    private void renewEachYear(long memberId, Plan plan, LocalDate since, LocalDate today) {
        LocalDate start = since;
        do {
            members.startMembership(memberId, plan, start);
            start = start.plusYears(1);
        } while (plan.kind() == PlanKind.FLAT_DUES && !start.isAfter(today));
    }
}
