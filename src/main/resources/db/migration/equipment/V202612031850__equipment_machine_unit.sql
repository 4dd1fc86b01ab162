-- A machine the chapter built itself: the serial of the unit it was commissioned from (its lifetime record and design
-- lineage are the unit's).
alter table machine add column unit_serial varchar(40) unique;
