package microfactory.billing;

import microfactory.members.Member;

/** An unpaid invoice on the steward's desk, with whose it is. */
public record DeskLine(StatementLine invoice, Member member) {
}
