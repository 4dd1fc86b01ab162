package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import microfactory.support.SharedData;

/** The C2SP tlog-witness add-checkpoint body: the specification's example read, malformed bodies refused with the reason. */
class WitnessRequestTest {

    @Test
    void theSpecificationsExampleRequestIsRead() throws Exception {
        String spec = Files.readString(SharedData.require("ledger/c2sp-specs/tlog-witness.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Example request body:\\n\\n((?: {4}.*\\n|\\n)+?)\\nThe witness MUST").matcher(spec);
        assertThat(m.find()).isTrue();
        String body = m.group(1).replaceAll("(?m)^ {4}", "");
        WitnessRequest r = WitnessRequest.parse(body);
        assertThat(r.oldSize()).isEqualTo(20_852_014L);
        assertThat(r.proof()).hasSize(4).allSatisfy(h -> assertThat(h).hasSize(32));
        SignedNote note = SignedNote.parse(r.checkpoint());
        assertThat(Checkpoint.parse(note.text()).size()).isEqualTo(20_852_163L);
        assertThat(note.signatures()).hasSize(2);
        assertThat(WitnessRequest.parse(WitnessRequest.write(r.oldSize(), r.proof(), r.checkpoint())).checkpoint()).isEqualTo(r.checkpoint());
    }

    @Test
    void malformedBodiesAreRefusedWithTheReason() {
        String checkpoint = "log\n1\nAAAA\n\n\u2014 log AAAAAAAA\n";
        assertThatThrownBy(() -> WitnessRequest.parse("old 01\n\n" + checkpoint)).hasMessageContaining("without leading zeroes");
        assertThatThrownBy(() -> WitnessRequest.parse("old 1\nnot base64!\n\n" + checkpoint)).hasMessageContaining("not base64");
        assertThatThrownBy(() -> WitnessRequest.parse("old 1\nAAAA\n\n" + checkpoint)).hasMessageContaining("32-byte");
        String hash = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n";
        assertThatThrownBy(() -> WitnessRequest.parse("old 1\n" + String.join("", Collections.nCopies(64, hash)) + "\n" + checkpoint))
                .hasMessageContaining("at most 63");
        assertThatThrownBy(() -> WitnessRequest.parse("old 1")).hasMessageContaining("blank line");
        assertThat(WitnessRequest.parse("old 0\n\n" + checkpoint).proof()).isEqualTo(List.of());
    }
}
