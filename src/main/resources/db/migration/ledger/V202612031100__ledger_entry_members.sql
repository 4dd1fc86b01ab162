-- Which members (by pseudonym) each ledger entry names, so anyone can list one member's entries ("my events").
-- Filled as entries are appended; an older log is indexed once at start.
create table ledger_entry_member (
    member varchar(32) not null,
    idx    bigint      not null references ledger_entry (idx),
    primary key (member, idx)
);
