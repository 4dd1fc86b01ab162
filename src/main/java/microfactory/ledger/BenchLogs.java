package microfactory.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import microfactory.ledger.tlog.Jcs;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Logs for {@code bench ledger}, entries as the chapter writes them (canonical JSON), from a fixed seed. */
final class BenchLogs {

    private BenchLogs() {
    }

    private static final String AT = "2026-03-01T10:15:30.";

    /** Two-posting dues transfers with a member pseudonym, as the demo's, after the two accounts they use. */
    static List<byte[]> dues(int n) {
        List<byte[]> log = new ArrayList<>(n);
        log.add(opened("bank", "Bank", "ASSET", "credits_must_not_exceed_debits"));
        log.add(opened("dues-income", "Dues", "INCOME", null));
        Random random = new Random(42);
        for (int i = 2; i < n; i++) {
            String member = member(random);
            log.add(dues(i, member, 1 + random.nextInt(500_000)));
        }
        return log;
    }

    /**
     * A chapter's working mix, in many layouts: dues (half), pledges held pending and later posted or voided, purchases
     * of three postings with free-text memos (some not ASCII), badges issued and revoked, units produced and runs
     * completed with their own data. Every transfer balances and no flagged account is overdrawn, so it verifies.
     */
    static List<byte[]> chapter(int n) {
        List<byte[]> log = new ArrayList<>(n);
        log.add(opened("bank", "Bank", "ASSET", "credits_must_not_exceed_debits"));
        log.add(opened("dues-income", "Dues", "INCOME", null));
        log.add(opened("pledges-receivable", "Pledges receivable", "ASSET", null));
        log.add(opened("pledges", "Pledged capital", "EQUITY", null));
        log.add(opened("materials", "Materials", "EXPENSE", null));
        log.add(opened("fees", "Bank fees", "EXPENSE", null));
        Random random = new Random(42);
        Deque<String> pending = new ArrayDeque<>();
        long bank = 0; // the bank's debits less its credits: purchases wait until it can pay
        String[] memos = {"Steel tube 40 × 2 mm, 12 m", "Stahlrohr — Lieferung", "Plywood 18 mm, 20 sheets", "Solar cells 6×10, grade A",
            "Hydraulic hose ½ inch", "Café for the swarm build"};
        String[] badges = {"weld-1", "weld-2", "cnc-torch", "hydraulics-1", "solar-lamination", "first-aid"};
        String[] designs = {"lifetrac-6", "ceb-press-5", "solar-concentrator", "microhouse-4"};
        for (int i = log.size(); i < n; i++) {
            int pick = random.nextInt(100);
            ObjectNode e;
            if (pick < 50) {
                String member = member(random);
                long amount = 1 + random.nextInt(500_000);
                log.add(dues(i, member, amount));
                bank += amount;
                continue;
            } else if (pick < 60) {
                e = transfers(i);
                String id = "pledge-" + i;
                long amount = 100_00 * (1 + random.nextInt(500));
                ObjectNode t = transfer(e, id, "pledge", "Start-up pledge", member(random));
                t.put("pending", true).put("expiresAt", "2026-12-01T00:00:00Z");
                postings(t, "pledges-receivable", "pledges", amount, "USD");
                pending.add(id);
            } else if (pick < 70 && !pending.isEmpty()) {
                e = transfers(i);
                boolean post = random.nextInt(5) > 0;
                ObjectNode t = e.withArray("transfers").addObject().put("id", (post ? "post-" : "void-") + i);
                t.put(post ? "post" : "void", pending.poll());
            } else if (pick < 78 && bank > 2_000_000) {
                e = transfers(i);
                long cost = 1 + random.nextInt(1_000_000);
                long fee = 1 + random.nextInt(500);
                ObjectNode t = transfer(e, "purchase-" + i, "materials", memos[random.nextInt(memos.length)], null);
                ArrayNode p = t.putArray("postings");
                p.add(posting("materials", "debit", cost, "USD"));
                p.add(posting("fees", "debit", fee, "USD"));
                p.add(posting("bank", "credit", cost + fee, "USD"));
                bank -= cost + fee;
            } else if (pick < 93) {
                e = event(i, "badge.issued");
                e.putObject("data").put("badge", badges[random.nextInt(badges.length)]).put("member", member(random))
                        .put("level", 1 + random.nextInt(3)).put("assessor", member(random)).put("evidence", "Practical test, " + (1 + random.nextInt(40)) + " min");
            } else if (pick < 95) {
                e = event(i, "badge.revoked");
                e.putObject("data").put("badge", random.nextInt(i)).put("member", member(random)).put("reason", "Issued in error");
            } else if (pick < 99) {
                e = event(i, "unit.produced");
                e.putObject("data").put("design", designs[random.nextInt(designs.length)]).put("run", "run-" + random.nextInt(1_000))
                        .put("serial", "MF-" + String.format("%06d", i)).put("owner", member(random)).put("hours", 10 + random.nextInt(200));
            } else {
                e = event(i, "run.completed");
                e.putObject("data").put("design", designs[random.nextInt(designs.length)]).put("run", "run-" + random.nextInt(1_000))
                        .put("units", 1 + random.nextInt(12)).put("crew", 24).put("bays", 12);
            }
            log.add(Jcs.canonical(e));
        }
        return log;
    }

    private static ObjectNode transfers(int i) {
        return LedgerJson.object().put("kind", "transfers").put("at", at(i));
    }

    private static ObjectNode event(int i, String kind) {
        return LedgerJson.object().put("kind", kind).put("at", at(i));
    }

    private static String at(int i) {
        return AT + String.format("%03d", i % 1000) + "Z";
    }

    private static String member(Random random) {
        return "m-" + Long.toString(random.nextLong() >>> 14, 36);
    }

    private static ObjectNode transfer(ObjectNode entry, String id, String code, String memo, String member) {
        ObjectNode t = entry.withArray("transfers").addObject().put("id", id).put("code", code).put("memo", memo);
        return member == null ? t : t.put("member", member);
    }

    private static ObjectNode posting(String account, String side, long amount, String currency) {
        return LedgerJson.object().put("account", account).put("side", side).put("amount", amount).put("currency", currency);
    }

    private static void postings(ObjectNode transfer, String debit, String credit, long amount, String currency) {
        transfer.putArray("postings").add(posting(debit, "debit", amount, currency)).add(posting(credit, "credit", amount, currency));
    }

    private static byte[] dues(int i, String member, long amount) {
        ObjectNode e = transfers(i);
        ObjectNode t = transfer(e, "dues-" + i, "dues", "Full member dues", member);
        postings(t, "bank", "dues-income", amount, "USD");
        return Jcs.canonical(e);
    }

    private static byte[] opened(String code, String name, String type, String flag) {
        ObjectNode e = LedgerJson.object().put("kind", "account.opened").put("at", "2026-01-01T00:00:00.000Z");
        ObjectNode account = e.putObject("account").put("code", code).put("currency", "USD").put("name", name).put("type", type);
        ArrayNode flags = account.putArray("flags");
        if (flag != null) {
            flags.add(flag);
        }
        return Jcs.canonical(e);
    }
}
