package microfactory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MicrofactoryTest {

    @Test
    void noVerbServeOrSpringSettingsStartTheServer() {
        assertThat(Microfactory.startsServer(new String[] {})).isTrue();
        assertThat(Microfactory.startsServer(new String[] {"serve", "--server.port=9090"})).isTrue();
        assertThat(Microfactory.startsServer(new String[] {"--server.port=9090"})).isTrue();
    }

    @Test
    void otherVerbsAndHelpRunTheCommandLine() {
        assertThat(Microfactory.startsServer(new String[] {"version"})).isFalse();
        assertThat(Microfactory.startsServer(new String[] {"--help"})).isFalse();
        assertThat(Microfactory.startsServer(new String[] {"-V"})).isFalse();
    }
}
