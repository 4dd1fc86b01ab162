-- The chapter's Ed25519 key: signs ledger checkpoints, badge credentials and published kits.
create table signing_key (
    id          integer primary key,
    name        varchar(200) not null,
    private_key bytea        not null,
    public_key  bytea        not null,
    created_at  timestamp with time zone not null,
    constraint signing_key_single_row check (id = 1)
);
