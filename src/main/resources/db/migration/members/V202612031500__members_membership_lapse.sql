-- A membership lapses when its bill stays unpaid past the grace period: its rights (usufruct, training) stop until the
-- member pays; the membership itself stays on record.
alter table membership add column lapsed_on date;
