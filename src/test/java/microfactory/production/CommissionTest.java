package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.equipment.EquipmentService;
import microfactory.equipment.Machine;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** A unit the chapter built serves as one of its machines, and each page links to the other. */
@DatabaseTest
class CommissionTest {

    @Autowired EquipmentService equipment;
    @Autowired ProductionService production;
    @LocalServerPort int port;

    static final String BODY = """
            {"code": "printer-again", "name": "Printer", "type": "3d-printer", "bayCode": "B09", "count": 1, "skill": "3d-printing",
             "level": 1}""";

    @Test
    void theDemosBuiltPrinterServesAsAMachineAndOnlyTheChaptersOwnUnitsCanBeCommissioned() {
        Machine built = equipment.machines().stream().filter(m -> m.unitSerial() != null).findFirst().orElseThrow();
        var anyone = new Http(port);
        assertThat(anyone.page("/equipment/machines/" + built.code()).body()).contains("id=\"built-here\"").contains(built.unitSerial());
        assertThat(anyone.page("/production/units/" + built.unitSerial()).body()).contains("id=\"serves-as\"").contains(built.name())
            .contains("commissioned");

        var steward = new Http(port).as("steward@demo.local", "demo-steward");
        assertThat(steward.json("POST", "/api/v1/units/" + built.unitSerial() + "/commission", BODY).statusCode()).isEqualTo(409);
        Run workshop = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() == RunStatus.COMPLETED)
            .findFirst().orElseThrow();
        Unit owned = production.units(workshop.id()).get(0);
        var refused = steward.json("POST", "/api/v1/units/" + owned.serial() + "/commission", BODY);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("only its own units");
        assertThat(new Http(port).as("member@demo.local", "demo-member")
            .json("POST", "/api/v1/units/" + built.unitSerial() + "/commission", BODY).statusCode()).isEqualTo(403);
        assertThat(steward.json("POST", "/api/v1/units/NOPE-1-01/commission", BODY).statusCode()).isEqualTo(404);
    }
}
