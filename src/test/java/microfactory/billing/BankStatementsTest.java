package microfactory.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import microfactory.common.InvalidInputException;

/** Bank statements as banks write them: camt.053 entries and CSV exports; a bad line refuses the file, naming it. */
class BankStatementsTest {

    static final String CAMT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>STMT-1</MsgId><CreDtTm>2026-11-30T18:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>1</Id>
                  <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
                  <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
                  <Ntry>
                    <Amt Ccy="USD">5000.00</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-11-28</Dt></BookgDt>
                    <ValDt><Dt>2026-11-28</Dt></ValDt>
                    <AcctSvcrRef>BANK-0001</AcctSvcrRef>
                    <NtryDtls><TxDtls>
                      <RltdPties><Dbtr><Pty><Nm>Mia Member</Nm></Pty></Dbtr></RltdPties>
                      <RmtInf><Ustrd>Dues MF-000042</Ustrd></RmtInf>
                    </TxDtls></NtryDtls>
                  </Ntry>
                  <Ntry>
                    <Amt Ccy="USD">80.50</Amt>
                    <CdtDbtInd>DBIT</CdtDbtInd>
                    <BookgDt><DtTm>2026-11-29T09:15:00+01:00</DtTm></BookgDt>
                    <NtryDtls><TxDtls><RmtInf><Ustrd>Electricity</Ustrd></RmtInf></TxDtls></NtryDtls>
                  </Ntry>
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;

    static List<BankLine> read(String text) {
        return BankStatements.read(text.getBytes(StandardCharsets.UTF_8), "USD");
    }

    @Test
    void camt053EntriesAreReadWithDirectionDayTextPayerAndTheBanksReference() {
        List<BankLine> lines = read(CAMT);
        assertThat(lines).hasSize(2);
        BankLine in = lines.get(0);
        assertThat(in.amountMinor()).isEqualTo(500_000);
        assertThat(in.bookedOn()).isEqualTo(LocalDate.parse("2026-11-28"));
        assertThat(in.reference()).isEqualTo("Dues MF-000042");
        assertThat(in.counterparty()).isEqualTo("Mia Member");
        assertThat(in.bankRef()).isEqualTo("BANK-0001");
        assertThat(in.lineNo()).isEqualTo(9);
        assertThat(lines.get(1).amountMinor()).isEqualTo(-8_050);
        assertThat(lines.get(1).bookedOn()).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(LineKeys.invoiceReference(in.reference())).contains("MF-000042");
    }

    @Test
    void csvExportsInTheWordsAndNumbersBanksUse() {
        List<BankLine> lines = read("""
                Buchungstag;Betrag;Währung;Verwendungszweck;Auftraggeber
                28.11.2026;1.234,50;EUR;Beitrag mf-17;Max Muster
                29.11.2026;-20,00;EUR;Gebühr;Bank
                """);
        assertThat(lines).extracting(BankLine::amountMinor).containsExactly(123_450L, -2_000L);
        assertThat(lines.get(0).currency()).isEqualTo("EUR");
        assertThat(lines.get(0).lineNo()).isEqualTo(2);
        assertThat(LineKeys.invoiceReference(lines.get(0).reference())).contains("MF-17");
        assertThat(read("Date,Amount,Description\n2026-11-28,\"1,500.00\",\"Dues, MF-000007\"\n").get(0).amountMinor()).isEqualTo(150_000);
    }

    @Test
    void aFileThatIsNeitherOrALineThatCannotBeReadIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> read("hello,world\n1,2\n")).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("line 1").hasMessageContaining("date and an amount");
        assertThatThrownBy(() -> read("Date,Amount\n2026-11-28,10.00\nyesterday,5.00\n")).hasMessageContaining("line 3")
            .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> read("Date,Amount\n2026-11-28,ten\n")).hasMessageContaining("line 2").hasMessageContaining("ten");
        assertThatThrownBy(() -> read(CAMT.replace("<CdtDbtInd>DBIT</CdtDbtInd>", ""))).hasMessageContaining("line 21")
            .hasMessageContaining("CRDT nor DBIT");
        assertThatThrownBy(() -> read(CAMT.replace("</Stmt>", ""))).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><invoice/>")).hasMessageContaining("not a camt.053");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"USD\">&x;</Amt></Ntry></Stmt></BkToCstmrStmt></Document>"))
            .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void twoEqualLinesInOneFileStayTwoAndTheSameFileGivesTheSameKeys() {
        List<BankLine> lines = read("Date,Amount,Reference\n2026-11-28,10.00,cash in\n2026-11-28,10.00,cash in\n");
        String first = LineKeys.of(lines.get(0), List.of());
        String second = LineKeys.of(lines.get(1), List.of(first));
        assertThat(second).isNotEqualTo(first);
        assertThat(LineKeys.of(lines.get(0), List.of())).isEqualTo(first);
    }
}
