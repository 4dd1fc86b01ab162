-- A booking's real use: when the booker started and finished on the machine, and the ledger transfer that charged it
-- (none for members whose plan gives the usufruct right, or machines without an hourly rate).
alter table machine_booking add column started_at timestamp with time zone;
alter table machine_booking add column finished_at timestamp with time zone;
alter table machine_booking add column charge_transfer varchar(64);
