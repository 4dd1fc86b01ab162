package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.ledger.LedgerService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** Every built unit has an owner and a lifetime record, opened when it is built; owners change on the public ledger. */
@DatabaseTest
class UnitRecordTest {

    @Autowired ProductionService production;
    @Autowired UnitRecords unitRecords;
    @Autowired LedgerService ledger;
    @LocalServerPort int port;

    Unit aDemoPrinter() {
        return demoPrinter(0);
    }

    /** The second test moves the second printer, so the first keeps its demo owner whatever the order. */
    Unit demoPrinter(int k) {
        Run workshop = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() == RunStatus.COMPLETED)
            .findFirst().orElseThrow();
        return production.units(workshop.id()).get(k);
    }

    @Test
    void theWorkshopPrintersWentHomeWithTheirBuildersAndTheirRecordsSaySo() {
        Unit printer = aDemoPrinter();
        UnitRecord record = unitRecords.unitRecord(printer.serial());
        assertThat(record.owner()).isEqualTo(printer.builders().get(0));
        assertThat(record.lifetime()).extracting(LifetimeEvent::kind)
            .startsWith(LifetimeKind.BUILT, LifetimeKind.INSPECTED, LifetimeKind.OWNER); // later tests may service it
        assertThat(record.lifetime().get(0).ledgerIndex()).isEqualTo(printer.ledgerIndex());
        assertThat(ledger.entry(record.lifetime().get(2).ledgerIndex()).json()).contains("\"kind\":\"unit.owner\"")
            .contains(printer.serial()).contains(printer.builders().get(0));
    }

    @Test
    void stewardsNameOwnersThroughTheApiAndAnyoneReadsTheRecord() {
        Unit printer = demoPrinter(1);
        String newOwner = printer.builders().get(printer.builders().size() - 1);
        var anyone = new Http(port);
        var read = anyone.get("/api/v1/units/" + printer.serial());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"lifetime\"").contains("\"kind\":\"built\"");

        var member = new Http(port).as("member@demo.local", "demo-member");
        assertThat(member.json("PUT", "/api/v1/units/" + printer.serial() + "/owner", "{\"member\": \"" + newOwner + "\"}").statusCode())
            .isEqualTo(403);
        var steward = new Http(port).as("steward@demo.local", "demo-steward");
        var unknown = steward.json("PUT", "/api/v1/units/" + printer.serial() + "/owner", "{\"member\": \"m-nobody\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no member m-nobody");
        if (!newOwner.equals(unitRecords.unitRecord(printer.serial()).owner())) {
            var moved = steward.json("PUT", "/api/v1/units/" + printer.serial() + "/owner", "{\"member\": \"" + newOwner + "\"}");
            assertThat(moved.statusCode()).isEqualTo(200);
            assertThat(unitRecords.unitRecord(printer.serial()).owner()).isEqualTo(newOwner);
        }
        var page = anyone.get("/production/units/" + printer.serial());
        assertThat(page.body()).contains("Lifetime record").contains(newOwner);
        assertThat(anyone.get("/api/v1/units/NOPE-1-01").statusCode()).isEqualTo(404);
        List<LifetimeKind> kinds = unitRecords.unitRecord(printer.serial()).lifetime().stream().map(LifetimeEvent::kind).toList();
        assertThat(kinds.get(0)).isEqualTo(LifetimeKind.BUILT);
    }
}
