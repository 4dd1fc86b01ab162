package microfactory.designs.bom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Share-alike terms pass on to adaptations: kept, or passed on as the licence itself allows; anything else names both licences. */
class ShareAlikeTest {

    @Test
    void aShareAlikeLicenceIsKeptOrPassedOnAsItAllows() {
        assertThat(ShareAlike.problem("CERN-OHL-S-2.0", "CERN-OHL-S-2.0")).isEmpty();
        assertThat(ShareAlike.problem("CC-BY-SA-3.0", "CC-BY-SA-4.0")).as("a later version of CC BY-SA").isEmpty();
        assertThat(ShareAlike.problem("CC-BY-SA-4.0", "GPL-3.0-or-later")).as("Creative Commons' one-way compatibility").isEmpty();
        assertThat(ShareAlike.problem("GPL-2.0-or-later", "GPL-3.0-only")).isEmpty();
        assertThat(ShareAlike.problem("GPL-2.0+", "GPL-3.0-or-later")).as("the deprecated + form").isEmpty();
        assertThat(ShareAlike.problem("LGPL-2.1-only", "GPL-2.0-only")).isEmpty();
    }

    @Test
    void anIncompatibleChangeNamesBothLicences() {
        assertThat(ShareAlike.problem("CERN-OHL-S-2.0", "MIT")).hasValueSatisfying(p ->
                assertThat(p).startsWith("CERN-OHL-S-2.0 is share-alike").contains("(CERN-OHL-S-2.0)").endsWith("MIT is not one of them"));
        assertThat(ShareAlike.problem("CC-BY-SA-4.0", "CC-BY-SA-3.0")).as("not back to an earlier version").isPresent();
        assertThat(ShareAlike.problem("GPL-3.0-only", "GPL-2.0-only")).isPresent();
        assertThat(ShareAlike.problem("GPL-3.0-only", "GPL-3.0-or-later")).as("'only' does not become 'or later'").isPresent();
        assertThat(ShareAlike.problem("GPL-3.0-or-later", "CERN-OHL-S-2.0")).isPresent();
        assertThat(ShareAlike.problem("CC-BY-SA-3.0", "GPL-3.0-only")).as("only 4.0 is one-way compatible with GPLv3").isPresent();
    }

    @Test
    void expressionsAreReadAsALicenseeChoosesFromThem() {
        assertThat(ShareAlike.problem("CERN-OHL-S-2.0 OR MIT", "MIT")).as("the original offers MIT").isEmpty();
        assertThat(ShareAlike.problem("CERN-OHL-S-2.0", "CERN-OHL-S-2.0 OR MIT")).as("an adaptation may not offer a way out").isPresent();
        assertThat(ShareAlike.problem("CERN-OHL-S-2.0", "CERN-OHL-S-2.0 AND CC-BY-4.0")).isEmpty();
        assertThat(ShareAlike.problem("(CC-BY-SA-4.0 AND CERN-OHL-S-2.0)", "CC-BY-SA-4.0")).as("both terms apply").isPresent();
        assertThat(ShareAlike.problem("GPL-2.0-or-later WITH Classpath-exception-2.0", "GPL-3.0-only")).isEmpty();
    }

    @Test
    void aLicenceThatIsNotShareAlikeSetsNoCondition() {
        assertThat(ShareAlike.problem("CC-BY-4.0", "CC-BY-SA-4.0")).isEmpty();
        assertThat(ShareAlike.problem("MIT", "LicenseRef-Proprietary")).isEmpty();
        assertThat(ShareAlike.problem("CERN-OHL-P-2.0", "MIT")).isEmpty();
        assertThat(ShareAlike.isShareAlike("CC-BY-SA-3.0-DE")).isTrue();
        assertThat(ShareAlike.isShareAlike("CC-BY-4.0")).isFalse();
        assertThat(ShareAlike.holdsShareAlike("MIT OR GPL-3.0")).isTrue();
    }
}
