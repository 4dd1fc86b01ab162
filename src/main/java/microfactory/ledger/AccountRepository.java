package microfactory.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and their running totals. */
@Repository
class AccountRepository {

    private static final String COLUMNS = """
            id, code, name, type, currency, debits_must_not_exceed_credits, credits_must_not_exceed_debits,
            debits_pending, debits_posted, credits_pending, credits_posted, entry_index""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Account> all() {
        return jdbc.sql("select " + COLUMNS + " from ledger_account order by type, code").query(AccountRepository::account).list();
    }

    Optional<Account> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from ledger_account where code = :c").param("c", code)
                .query(AccountRepository::account).optional();
    }

    void insert(OpenAccount a, long entryIndex) {
        jdbc.sql("""
                insert into ledger_account (code, name, type, currency, debits_must_not_exceed_credits,
                                            credits_must_not_exceed_debits, entry_index)
                values (:code, :name, :type, :currency, :dmnec, :cmned, :entry)""")
            .param("code", a.code()).param("name", a.name()).param("type", a.type().name())
            .param("currency", a.currency()).param("dmnec", a.debitsMustNotExceedCredits())
            .param("cmned", a.creditsMustNotExceedDebits()).param("entry", entryIndex).update();
    }

    /** Adds to the four running totals of one account. */
    void add(long accountId, long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {
        jdbc.sql("""
                update ledger_account set debits_pending = debits_pending + :dpe, debits_posted = debits_posted + :dpo,
                       credits_pending = credits_pending + :cpe, credits_posted = credits_posted + :cpo
                 where id = :id""")
            .param("dpe", debitsPending).param("dpo", debitsPosted).param("cpe", creditsPending)
            .param("cpo", creditsPosted).param("id", accountId).update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("code"), rs.getString("name"), AccountType.valueOf(rs.getString("type")),
                rs.getString("currency"), rs.getBoolean("debits_must_not_exceed_credits"),
                rs.getBoolean("credits_must_not_exceed_debits"), rs.getLong("debits_pending"), rs.getLong("debits_posted"),
                rs.getLong("credits_pending"), rs.getLong("credits_posted"), rs.getLong("entry_index"));
    }
}
