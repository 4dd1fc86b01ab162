-- What a built unit was worth (its design version's reference price when it was built, null when unpriced) and each
-- builder's share of it, by the minutes they worked on its tasks: the value members generate.
alter table production_unit add column value_minor bigint check (value_minor >= 0);
alter table production_unit add column value_currency char(3);

create table production_unit_share (
    unit_id     bigint      not null references production_unit (id),
    member      varchar(32) not null,
    minutes     integer     not null check (minutes >= 0),
    value_minor bigint      not null check (value_minor >= 0),
    primary key (unit_id, member)
);
create index production_unit_share_member on production_unit_share (member);
