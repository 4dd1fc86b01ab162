package microfactory.designs.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** BOMs as people write them: their own column names, decimal commas, currencies in the header or by symbol, in their own minor units. */
class CsvBomReaderTest {

    @Test
    void aBomWithItsOwnColumnNamesIsReadAndTheMappingSaid() {
        String csv = "\uFEFFPOS,QTY,PART NAME,PART MANUFACTURER,PART CODE,UNIT PRICE (EUR)\n"
                + "1,4,M8 hex nut,Würth,0317 8,\"0,12\"\n"
                + "2,1,Stepper motor,LDO,42STH48,\"1.234,50\"\n";
        CsvBomReader.Read read = CsvBomReader.read("bom.csv", csv);
        assertThat(read.problems()).isEmpty();
        assertThat(read.lines()).hasSize(2);
        BomLine nut = read.lines().get(0);
        assertThat(nut.part()).isEqualTo("M8 hex nut");
        assertThat(nut.quantity()).isEqualByComparingTo(new BigDecimal(4));
        assertThat(nut.unitPriceMinor()).isEqualTo(12L);
        assertThat(nut.currency()).isEqualTo("EUR");
        assertThat(nut.supplier()).isEqualTo("Würth 0317 8");
        assertThat(read.lines().get(1).unitPriceMinor()).isEqualTo(123_450L);
        assertThat(read.mapped()).contains("'QTY' as quantity", "'PART NAME' as part", "'PART MANUFACTURER' as manufacturer",
                "'PART CODE' as code", "'POS' not used", "prices in EUR, as the header says");
    }

    @Test
    void pricesAreInTheCurrencysOwnMinorUnits() {
        String csv = "part;quantity;unit price;currency\nbolt;10;1.250;JPY\nvalve;1;12,345;BHD\nhose;2;7,5;EUR\n";
        CsvBomReader.Read read = CsvBomReader.read("bom.csv", csv);
        assertThat(read.problems()).isEmpty();
        assertThat(read.lines()).extracting(BomLine::unitPriceMinor).containsExactly(1_250L, 12_345L, 750L);
    }

    @Test
    void aCurrencyWrittenBesideThePriceIsTaken() {
        String csv = "item,qty,cost\nsheet,2,€18,50\nbar,1,12.00 GBP\n".replace("€18,50", "\"€18,50\"");
        CsvBomReader.Read read = CsvBomReader.read("bom.csv", csv);
        assertThat(read.problems()).isEmpty();
        assertThat(read.lines()).extracting(BomLine::currency).containsExactly("EUR", "GBP");
        assertThat(read.lines()).extracting(BomLine::unitPriceMinor).containsExactly(1_850L, 1_200L);
    }

    @Test
    void ourOwnColumnsAreNotReportedAsMapped() {
        CsvBomReader.Read read = CsvBomReader.read("bom.csv", "part,quantity,unit,type,unit_price,currency\nframe,1,pcs,made,10.00,USD\n");
        assertThat(read.mapped()).isEmpty();
    }
}
