package microfactory.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV as people write it: quotes, doubled quotes, separators and line breaks inside fields, and where each record starts. */
class CsvRecordsTest {

    @Test
    void quotedFieldsKeepSeparatorsQuotesAndLineBreaksAndRecordsKnowTheirLine() {
        String text = "part,note,qty\n\"bolt, M12\",\"say \"\"tight\"\"\",16\n\"plate\",\"two\nlines\",2\nnut,,4\n";
        List<CsvRecords.Record> records = CsvRecords.read(text, ',');
        assertThat(records).extracting(CsvRecords.Record::line).containsExactly(1, 2, 3, 5);
        assertThat(records.get(1).fields()).containsExactly("bolt, M12", "say \"tight\"", "16");
        assertThat(records.get(2).fields()).containsExactly("plate", "two\nlines", "2");
        assertThat(records.get(3).fields()).containsExactly("nut", "", "4");
    }

    @Test
    void aSemicolonDialectAndItsSeparatorFromTheHeader() {
        assertThat(CsvRecords.separatorOf("part;qty;unit_price")).isEqualTo(';');
        assertThat(CsvRecords.separatorOf("part\tqty")).isEqualTo('\t');
        assertThat(CsvRecords.separatorOf("part,qty")).isEqualTo(',');
        assertThat(CsvRecords.read("part;price\nbolt;12,50\n", ';').get(1).fields()).containsExactly("bolt", "12,50");
    }

    @Test
    void anUnclosedQuoteIsAProblemNamingItsLine() {
        assertThatThrownBy(() -> CsvRecords.read("part,qty\n\"bolt,16\n", ',')).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line");
    }
}
