-- A run's fee (0: free). Members whose plan carries the usufruct right build without it; others owe it: a pending
-- ledger transfer from their confirmation, posted when the build starts, voided if they leave or the run is cancelled.
alter table production_run add column fee_minor bigint default 0 not null;
alter table production_run add column fee_currency varchar(3) default 'USD' not null;
alter table production_run add column cancel_reason varchar(500);
alter table production_signup add column fee_transfer varchar(80);
