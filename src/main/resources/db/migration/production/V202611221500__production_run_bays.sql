-- The bays a run builds in (comma-separated codes); empty: any of the chapter's bays.
alter table production_run add column bays varchar(500) default '' not null;
