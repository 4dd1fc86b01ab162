package microfactory.designs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import microfactory.common.NotFoundException;

/**
 * {@code git clone <chapter>/designs/<slug>.git}: git's smart HTTP protocol, read-only (upload-pack only), answered by JGit's
 * {@link UploadPack}. Protocol version 0 is spoken, which every git client falls back to.
 */
@Controller
class DesignGitServer {

    private final DesignGit git;

    DesignGitServer(DesignGit git) {
        this.git = git;
    }

    @GetMapping("/designs/{slug}.git/info/refs")
    void refs(@PathVariable String slug, @RequestParam(required = false) String service, HttpServletResponse response) throws IOException {
        if (!"git-upload-pack".equals(service)) {
            response.sendError(403, "Only git-upload-pack (clone and fetch) is served; the repository is read-only.");
            return;
        }
        Repository repo = repository(slug);
        response.setContentType("application/x-git-upload-pack-advertisement");
        response.setHeader("Cache-Control", "no-cache");
        OutputStream out = response.getOutputStream();
        PacketLineOut lines = new PacketLineOut(out);
        lines.writeString("# service=git-upload-pack\n");
        lines.end();
        UploadPack pack = new UploadPack(repo);
        pack.setBiDirectionalPipe(false);
        pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(lines));
        out.flush();
    }

    @PostMapping("/designs/{slug}.git/git-upload-pack")
    void uploadPack(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Repository repo = repository(slug);
        response.setContentType("application/x-git-upload-pack-result");
        response.setHeader("Cache-Control", "no-cache");
        InputStream in = "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding")) ? new GZIPInputStream(request.getInputStream())
                : request.getInputStream();
        UploadPack pack = new UploadPack(repo);
        pack.setBiDirectionalPipe(false);
        pack.upload(in, response.getOutputStream(), null);
    }

    private Repository repository(String slug) {
        return git.repository(slug).orElseThrow(() -> new NotFoundException("design", slug));
    }
}
