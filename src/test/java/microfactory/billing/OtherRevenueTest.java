package microfactory.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.ledger.LedgerService;
import microfactory.ledger.TransferStatus;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Showroom sales change a unit's owner and book the sale; training fees are income; both on the ledger. */
@DatabaseTest
class OtherRevenueTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired LedgerService ledger;
    @Autowired MemberService members;

    Http steward() {
        return new Http(port).as("steward@demo.local", "demo-steward");
    }

    @Test
    void aUnitOnOfferIsSoldToAMemberWhoOwnsItThenAndTheSaleIsOnTheLedgerOnce() {
        JsonNode showroom = JSON.readTree(new Http(port).get("/api/v1/units/showroom").body());
        assertThat(showroom.size()).as("the demo keeps one printer in the showroom").isEqualTo(1);
        String serial = showroom.get(0).path("serial").asString();
        long price = showroom.get(0).path("offerPriceMinor").asLong();
        assertThat(new Http(port).get("/production/showroom").body()).contains(serial).contains("$1,450.00");
        Member mia = members.findByEmail("member@demo.local").orElseThrow();

        assertThat(new Http(port).as("member@demo.local", "demo-member")
            .json("POST", "/api/v1/units/" + serial + "/sale", "{\"buyer\": \"" + mia.publicId() + "\", \"method\": \"CASH\"}")
            .statusCode()).isEqualTo(403);
        var noMethod = steward().json("POST", "/api/v1/units/" + serial + "/sale", "{\"buyer\": \"" + mia.publicId() + "\"}");
        assertThat(noMethod.statusCode()).isEqualTo(400);
        assertThat(noMethod.body()).contains("method");
        var sold = steward().json("POST", "/api/v1/units/" + serial + "/sale", "{\"buyer\": \"" + mia.publicId() + "\", \"method\": \"CASH\"}");
        assertThat(sold.statusCode()).as(sold.body()).isEqualTo(200);
        assertThat(JSON.readTree(sold.body()).path("owner").asString()).isEqualTo(mia.publicId());
        assertThat(sold.body()).contains("\"kind\":\"sold\"");
        var transfer = ledger.transferById("sale-" + serial);
        assertThat(transfer.status()).isEqualTo(TransferStatus.POSTED);
        assertThat(transfer.member()).isEqualTo(mia.publicId());
        assertThat(transfer.postings()).anySatisfy(p -> assertThat(p.amount()).isEqualTo(price));
        assertThat(steward().json("POST", "/api/v1/units/" + serial + "/sale", "{\"method\": \"CASH\"}").statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(new Http(port).get("/api/v1/units/showroom").body()).size()).isZero();

        var ownedElsewhere = steward().json("PUT", "/api/v1/units/" + serial + "/offer", "{\"priceMinor\": 100000}");
        assertThat(ownedElsewhere.statusCode()).isEqualTo(409);
        var negative = steward().json("PUT", "/api/v1/units/" + serial + "/offer", "{\"priceMinor\": -5}");
        assertThat(negative.statusCode()).isEqualTo(400);
        JsonNode income = JSON.readTree(new Http(port).get("/api/v1/economics").body()).path("income");
        assertThat(income.toString()).contains("sales-income").contains("training-income");
    }

    @Test
    void aVisitorsTrainingFeeIsIncomeAndABadOneIsRefused() {
        var zero = steward().json("POST", "/api/v1/billing/training-fees", "{\"amountMinor\": 0, \"method\": \"CASH\", \"course\": \"Welding\"}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("amountMinor");
        var noCourse = steward().json("POST", "/api/v1/billing/training-fees", "{\"amountMinor\": 100, \"method\": \"CASH\"}");
        assertThat(noCourse.body()).contains("course");
        var fee = steward().json("POST", "/api/v1/billing/training-fees",
                "{\"amountMinor\": 12000, \"method\": \"CARD_TERMINAL\", \"course\": \"3D printing, an evening\"}");
        assertThat(fee.statusCode()).as(fee.body()).isEqualTo(201);
        String id = JSON.readTree(fee.body()).path("transfer").asString();
        assertThat(ledger.transferById(id).postings()).anySatisfy(p -> assertThat(p.account()).isEqualTo("training-income"));
    }
}
