-- Links to a design's files and images: one "label url" per line.
alter table design add column links varchar(4000) default '' not null;
