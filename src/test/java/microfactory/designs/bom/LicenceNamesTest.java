package microfactory.designs.bom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Licence names as manifests write them, read through the SPDX list's names; ambiguity is a warning naming the candidates. */
class LicenceNamesTest {

    @Test
    void anSpdxExpressionIsKeptAsItIs() {
        assertThat(LicenceNames.read("CERN-OHL-S-2.0 OR MIT")).isEqualTo(new LicenceNames.Reading("CERN-OHL-S-2.0 OR MIT", null, false));
    }

    @Test
    void namesAndAbbreviationsThatFitOneLicenceAreMapped() {
        assertThat(LicenceNames.read("CERN OHL v1.2").licence()).isEqualTo("CERN-OHL-1.2");
        assertThat(LicenceNames.read("Creative Commons Attribution-ShareAlike 4.0 International").licence()).isEqualTo("CC-BY-SA-4.0");
        assertThat(LicenceNames.read("CC BY-SA 4.0").licence()).isEqualTo("CC-BY-SA-4.0");
        assertThat(LicenceNames.read("CC BY-NC-SA 4.0").licence()).isEqualTo("CC-BY-NC-SA-4.0");
        assertThat(LicenceNames.read("cern-ohl-s-2.0").licence()).as("ids are case-insensitive").isEqualTo("CERN-OHL-S-2.0");
        assertThat(LicenceNames.read("CERN-OHL-S").licence()).isEqualTo("CERN-OHL-S-2.0");
        assertThat(LicenceNames.read("Apache License, Version 2.0").licence()).isEqualTo("Apache-2.0");
        assertThat(LicenceNames.read("GNU General Public License v3.0 or later").licence()).isEqualTo("GPL-3.0-or-later");
        LicenceNames.Reading r = LicenceNames.read("CERN OHL v1.2");
        assertThat(r.warning()).isFalse();
        assertThat(r.note()).isEqualTo("licence 'CERN OHL v1.2' read as CERN-OHL-1.2 (CERN Open Hardware Licence v1.2)");
    }

    @Test
    void anAmbiguousNameIsAWarningListingTheCandidates() {
        LicenceNames.Reading cern = LicenceNames.read("CERN OHL");
        assertThat(cern.warning()).isTrue();
        assertThat(cern.licence()).isEqualTo("LicenseRef-CERN-OHL");
        assertThat(Spdx.problem(cern.licence())).isEmpty();
        assertThat(cern.note()).contains("CERN-OHL-1.1").contains("CERN-OHL-1.2").contains("CERN-OHL-S-2.0").contains("CERN-OHL-W-2.0");
        LicenceNames.Reading gpl = LicenceNames.read("GPL v3");
        assertThat(gpl.warning()).as("only, or or later, is the licensor's to say").isTrue();
        assertThat(gpl.note()).contains("GPL-3.0-only").contains("GPL-3.0-or-later");
    }

    @Test
    void aNameThatFitsNothingIsLeftForTheSpdxCheck() {
        LicenceNames.Reading r = LicenceNames.read("All rights reserved by Acme");
        assertThat(r.note()).isNull();
        assertThat(Spdx.problem(r.licence())).isPresent();
    }
}
