package microfactory.funding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns and pledges: the funding feature's tables. */
@Repository
class CampaignRepository {

    private static final String CAMPAIGN = """
            select c.id, c.title, c.story, c.goal_minor, c.currency, c.deadline, c.mode, c.status, c.credit_account,
                   c.created_at, c.closed_at,
                   coalesce((select sum(p.amount_minor) from funding_pledge p
                              where p.campaign_id = c.id and p.status in ('HELD', 'POSTED')), 0) as pledged,
                   (select count(distinct p.backer) from funding_pledge p
                     where p.campaign_id = c.id and p.status in ('HELD', 'POSTED')) as backers
              from funding_campaign c""";

    /** A pledge as stored: the backer by member id (the members feature names them). */
    record PledgeRow(long id, long campaignId, Long memberId, String backer, long amountMinor, Long tierId,
                     PledgeStatus status, String transferId, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String title, String story, long goalMinor, String currency, Instant deadline, CampaignMode mode,
                String creditAccount, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into funding_campaign (title, story, goal_minor, currency, deadline, mode, status, credit_account, created_at)
                values (:title, :story, :goal, :currency, :deadline, :mode, 'OPEN', :account, :at)""")
            .param("title", title).param("story", story).param("goal", goalMinor).param("currency", currency)
            .param("deadline", Timestamp.from(deadline)).param("mode", mode.name()).param("account", creditAccount)
            .param("at", Timestamp.from(at))
            .update(key, "id");
        return key.getKey().longValue();
    }

    /** A pledge from before accounts: a backer known by pseudonym only, whose transfer is already on the ledger. */
    void insertPastPledge(long campaignId, String backer, long amountMinor, String transferId, PledgeStatus status, Instant at) {
        jdbc.sql("""
                insert into funding_pledge (campaign_id, member_id, backer, amount_minor, transfer_id, status, created_at)
                values (:c, null, :backer, :amount, :transfer, :status, :at)""")
            .param("c", campaignId).param("backer", backer).param("amount", amountMinor).param("transfer", transferId)
            .param("status", status.name()).param("at", Timestamp.from(at)).update();
    }

    List<Campaign> all() {
        return jdbc.sql(CAMPAIGN + " order by case when c.status = 'OPEN' then 0 else 1 end, c.deadline desc, c.id desc")
            .query(CampaignRepository::campaign).list().stream().map(c -> c.withTiers(tiers(c.id()))).toList();
    }

    Optional<Campaign> find(long id) {
        return jdbc.sql(CAMPAIGN + " where c.id = :id").param("id", id).query(CampaignRepository::campaign).optional()
            .map(c -> c.withTiers(tiers(id)));
    }

    void insertTier(long campaignId, NewTier t) {
        jdbc.sql("""
                insert into funding_tier (campaign_id, name, amount_minor, max_backers, plan_code)
                values (:c, :name, :amount, :max, :plan)""")
            .param("c", campaignId).param("name", t.name().strip()).param("amount", t.amountMinor())
            .param("max", t.maxBackers()).param("plan", t.planCode() == null || t.planCode().isBlank() ? null : t.planCode())
            .update();
    }

    /** A campaign's tiers, each with how many standing pledges have taken it. */
    List<Tier> tiers(long campaignId) {
        return jdbc.sql("""
                select t.id, t.name, t.amount_minor, t.max_backers, t.plan_code,
                       (select count(*) from funding_pledge p where p.tier_id = t.id and p.status in ('HELD', 'POSTED'))
                  from funding_tier t where t.campaign_id = :c order by t.amount_minor, t.id""")
            .param("c", campaignId)
            .query((rs, n) -> new Tier(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Integer.class),
                    rs.getString(5), rs.getLong(6)))
            .list();
    }

    /** Locks the campaign's row for the rest of the transaction: closing and pledging queue up behind it. */
    void lock(long id) {
        jdbc.sql("select id from funding_campaign where id = :id for update").param("id", id).query(Long.class).optional();
    }

    List<Long> openDueBy(Instant now) {
        return jdbc.sql("select id from funding_campaign where status = 'OPEN' and deadline <= :now order by deadline, id")
            .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    /** A campaign that ran before accounts, recorded as it ended. */
    long insertClosed(String title, String story, long goalMinor, String currency, Instant createdAt, Instant deadline,
                      CampaignStatus status, String creditAccount) {
        long id = insert(title, story, goalMinor, currency, deadline, CampaignMode.ALL_OR_NOTHING, creditAccount, createdAt);
        close(id, status, deadline);
        return id;
    }

    void close(long id, CampaignStatus status, Instant at) {
        jdbc.sql("update funding_campaign set status = :s, closed_at = :at where id = :id")
            .param("s", status.name()).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void insertPledge(long campaignId, long memberId, String backer, long amountMinor, Long tierId, String transferId,
                      Instant at) {
        jdbc.sql("""
                insert into funding_pledge (campaign_id, member_id, backer, amount_minor, tier_id, transfer_id, status, created_at)
                values (:c, :m, :backer, :amount, :tier, :transfer, 'HELD', :at)""")
            .param("c", campaignId).param("m", memberId).param("backer", backer).param("amount", amountMinor)
            .param("tier", tierId).param("transfer", transferId).param("at", Timestamp.from(at)).update();
    }

    List<PledgeRow> pledges(long campaignId) {
        return jdbc.sql("""
                select id, campaign_id, member_id, backer, amount_minor, tier_id, status, transfer_id, created_at
                  from funding_pledge where campaign_id = :c order by created_at, id""")
            .param("c", campaignId)
            .query((rs, n) -> new PledgeRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                    rs.getLong(5), rs.getObject(6, Long.class), PledgeStatus.valueOf(rs.getString(7)), rs.getString(8),
                    rs.getTimestamp(9).toInstant()))
            .list();
    }

    void setPledgeStatus(long pledgeId, PledgeStatus status) {
        jdbc.sql("update funding_pledge set status = :s where id = :id").param("s", status.name()).param("id", pledgeId).update();
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Campaign(rs.getLong("id"), rs.getString("title"), rs.getString("story"), rs.getLong("goal_minor"),
                rs.getString("currency"), rs.getTimestamp("deadline").toInstant(), CampaignMode.valueOf(rs.getString("mode")),
                CampaignStatus.valueOf(rs.getString("status")), rs.getString("credit_account"), rs.getLong("pledged"),
                rs.getLong("backers"), rs.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant(),
                List.of());
    }
}
