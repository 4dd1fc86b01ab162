package microfactory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import microfactory.support.SharedData;

@DatabaseTest
class LearningToolsTest {

    @LocalServerPort int port;
    @Autowired LearningService learning;
    @Autowired MeritService merit;
    @Autowired MemberService members;

    /** Draws the SVG's squares into pixels and reads them with ZXing's decoder. */
    static String decode(String svg) throws Exception {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int n = Integer.parseInt(size.group(1));
        int scale = 4;
        int[] pixels = new int[n * scale * n * scale];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * n * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        // The code is drawn from its own modules, square and unrotated: read as a pure barcode, which the detector for photos
        // sometimes misses behind a two-module margin (it failed for some server ports' URLs).
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(n * scale, n * scale, pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    @Test
    void everyModulesQrCodeOpensItsLessonAndTheSheetHoldsThemAll() throws Exception {
        HttpResponse<String> qr = new Http(port).get("/learn/hydraulics-101/qr.svg");
        assertThat(qr.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(decode(qr.body())).isEqualTo("http://localhost:" + port + "/learn/hydraulics-101");
        String sheet = new Http(port).get("/learn/labels").body();
        assertThat(sheet.split("<figure class=\"label\">", -1)).hasSize(learning.modules().size() + 1);
        assertThat(new Http(port).get("/learn/no-such-module/qr.svg").statusCode()).isEqualTo(404);
    }

    @Test
    void aMentorSeesWhoWaitsForASignOffAndSignsThemOff() {
        String email = "apprentice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Member learner = members.signUp(new SignUp(email, "Apprentice", "sparks and beads", "", null));
        Map<Long, String> right = new HashMap<>();
        for (String code : new String[] {"shop-safety", "welding-basics"}) {
            right.clear();
            learning.questions(code).forEach(q -> right.put(q.id(), q.answer().stripTrailingZeros().toPlainString()));
            learning.submit(learner.id(), code, right, UUID.randomUUID().toString());
        }
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        String queue = steward.get("/learn/sign-offs").body();
        assertThat(queue).contains("Apprentice").contains("Welding basics");
        steward.postForm("/learn/sign-offs", Map.of("learner", Long.toString(learner.id()), "module", "welding-basics"));
        assertThat(merit.levelOf(learner.id(), "welding")).isEqualTo(1);
        assertThat(steward.get("/learn/sign-offs").body()).doesNotContain("Apprentice");
        assertThat(new Http(port).get("/learn/sign-offs").statusCode()).isEqualTo(302);
    }

    @Test
    void aMoodleFrameworkImportsAsSkillsOnceAndBadFilesAreNamedByLine() throws Exception {
        String csv = Files.readString(SharedData.require("learning/moodle-lpimportcsv-example.csv"));
        Http steward = new Http(port).as("steward@demo.local", "demo-steward");
        HttpResponse<String> r = steward.json("POST", "/api/v1/learning/skills/import", null);
        assertThat(r.statusCode()).isIn(400, 415);
        HttpResponse<String> member = postCsv(new Http(port).as("member@demo.local", "demo-member"), csv);
        assertThat(member.statusCode()).isEqualTo(403);
        HttpResponse<String> imported = postCsv(steward, csv);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).contains("\"framework\":\"OECD-CORE\"").contains("\"skills\":64");
        assertThat(learning.skills()).filteredOn(s -> s.framework().equals("OECD-CORE")).hasSize(65);
        assertThat(postCsv(steward, csv).body()).contains("imported already");
        String broken = "Parent id number,Id number,Shortname,Description,Is framework\n,FW,Framework,,1\nnope,A,\"Alpha\nskill\",x,0\n,B,Beta,y,0\n";
        HttpResponse<String> bad = postCsv(steward, broken);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'A' names parent 'nope'");
        assertThat(MoodleFrameworkReader.read("x.csv", "Parent id number,Id number,Shortname,Is framework\n,FW,F,1\n,,Empty,0\n")
                .problems()).containsExactly("x.csv:3: the id number is empty");
    }

    @Test
    void stewardsWriteAndEditModulesAndBadQuestionLinesAreNamed() {
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        steward.get("/learn/new");
        Map<String, String> form = new HashMap<>(Map.of("code", "plasma-cutting", "track", "know-how", "title", "Plasma cutting",
                "skill", "cnc", "level", "2", "minutes", "20", "passPercent", "50", "lesson", "# Cut clean\nKeep the torch square.",
                "questions", "? Keep the torch… | tilted | *square | high\nWhat is this line?"));
        HttpResponse<String> bad = steward.postForm("/learn/new", form);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"questions-error\"").contains("questions, line 2: start a question with ?");
        form.put("questions", "? Keep the torch… | tilted | *square | high\n# Amps for 1/4 in plate = 45 ± 5");
        HttpResponse<String> created = steward.postForm("/learn/new", form);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/learn/plasma-cutting");
        assertThat(learning.questions("plasma-cutting")).hasSize(2);
        assertThat(learning.questionsText("plasma-cutting")).contains("| *square |").contains("= 45 ± 5");

        steward.get("/learn/plasma-cutting/edit");
        form.put("title", "Plasma cutting, level 2");
        form.put("questions", "# Amps for 1/4 in plate = 45 ± 5");
        steward.postForm("/learn/plasma-cutting/edit", form);
        assertThat(learning.module("plasma-cutting").title()).isEqualTo("Plasma cutting, level 2");
        assertThat(learning.questions("plasma-cutting")).hasSize(1);

        HttpResponse<String> apiCreate = new Http(port).as("steward@demo.local", "demo-steward").json("POST", "/api/v1/learning/modules", """
                {"code":"plasma-cutting","track":"nowhere","title":"","skill":"cnc","level":9,"minutes":500,"lesson":"x","questions":"? a | *b"}""");
        assertThat(apiCreate.statusCode()).isEqualTo(400);
        assertThat(apiCreate.body()).contains("exists already").contains("\"field\":\"track\"").contains("\"field\":\"level\"")
                .contains("\"field\":\"minutes\"").contains("exactly one marked *");
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/learning/modules", "{}").statusCode())
                .isEqualTo(403);
        assertThat(new Http(port).get("/learn/new").statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> postCsv(Http http, String csv) throws Exception {
        return http.send("POST", "/api/v1/learning/skills/import", "text/csv", csv);
    }
}
