-- A chapter started from another chapter's enterprise kit keeps where it came from: the origin chapter, its address and
-- key, the kit's manifest hash and the origin's ledger checkpoint at export, and the ledger entry that records it.
create table chapter_lineage (
    id               int primary key check (id = 1),
    origin_chapter   varchar(200) not null,
    origin_url       varchar(500) not null,
    origin_key       varchar(300) not null,
    manifest_sha256  varchar(64)  not null,
    checkpoint_size  bigint       not null,
    checkpoint_root  varchar(64)  not null,
    ledger_index     bigint       not null,
    replicated_at    timestamp with time zone not null
);
