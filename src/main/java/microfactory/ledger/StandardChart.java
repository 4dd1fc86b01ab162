package microfactory.ledger;

import java.util.List;

/**
 * The chart of accounts a new chapter starts with, in its own currency: where money is (bank, cash), what the
 * chapter owns (pledges held until a campaign closes, materials in stock, equipment), its start-up capital, its income
 * (dues, value share, sales, workshops) and its running costs. Stewards open more on the ledger's accounts page.
 */
final class StandardChart {

    record Line(String code, String name, AccountType type, boolean neverNegative) {
    }

    static final List<Line> LINES = List.of(
            new Line("bank", "Bank account", AccountType.ASSET, true),
            new Line("cash", "Cash", AccountType.ASSET, true),
            new Line("crypto-wallet", "Crypto wallet", AccountType.ASSET, true),
            new Line("pledges-receivable", "Pledges held (until their campaign closes)", AccountType.ASSET, true),
            new Line("members-receivable", "Owed by members (invoices not yet paid)", AccountType.ASSET, false),
            new Line("materials", "Materials in stock", AccountType.ASSET, false),
            new Line("equipment", "Machines and equipment", AccountType.ASSET, false),
            new Line("start-up-capital", "Start-up capital", AccountType.EQUITY, false),
            new Line("dues-income", "Membership dues", AccountType.INCOME, false),
            new Line("value-share-income", "Value share of members' production", AccountType.INCOME, false),
            new Line("sales-income", "Sales", AccountType.INCOME, false),
            new Line("workshop-income", "Production workshops", AccountType.INCOME, false),
            new Line("training-income", "Training fees", AccountType.INCOME, false),
            new Line("machine-income", "Machine time", AccountType.INCOME, false),
            new Line("materials-expense", "Materials used", AccountType.EXPENSE, false),
            new Line("site-expense", "Site, power and insurance", AccountType.EXPENSE, false));

    private StandardChart() {
    }

    /** The request that opens a line: an account that may never go below zero gets the flag of its normal side. */
    static OpenAccount request(Line line, String currency) {
        boolean debitNormal = line.type().debitNormal();
        return new OpenAccount(line.code(), line.name(), line.type(), currency,
                line.neverNegative() && !debitNormal, line.neverNegative() && debitNormal);
    }
}
