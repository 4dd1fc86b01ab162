package microfactory.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.designs.DesignService;
import microfactory.support.DatabaseTest;

/** A followed chapter's design fetched over git: whole under the size limit, cut off mid-stream above it. */
@DatabaseTest
class DesignFetchTest {

    @LocalServerPort int port;
    @Autowired DesignService designs;

    @Test
    void aDesignRepositoryIsFetchedWithATagPerVersion() throws Exception {
        try (Repository repo = Improvements.fetch("http://localhost:" + port + "/designs/lifetrac.git", 64L << 20)) {
            assertThat(repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)).hasSize(designs.versions("lifetrac").size());
        }
    }

    @Test
    void aRepositoryLargerThanTheLimitIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> Improvements.fetch("http://localhost:" + port + "/designs/lifetrac.git", 2_000))
                .isInstanceOf(IOException.class).hasMessageContaining("more than 2000 bytes of objects");
    }
}
