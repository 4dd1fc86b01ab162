-- What a real chapter sets at set-up and changes later: its time zone, its public address, and its economic targets
-- (null until the chapter's stewards set them; the dashboard says so instead of showing the demo's figures).
alter table chapter add column time_zone varchar(60) not null default 'UTC';
alter table chapter add column public_url varchar(300);
alter table chapter add column startup_capital_minor bigint check (startup_capital_minor > 0);
alter table chapter add column production_per_day_minor bigint check (production_per_day_minor > 0);
alter table chapter add column builds_per_bay_year integer check (builds_per_bay_year > 0);
