-- How often a unit built from the version wants service, in months (null: no schedule).
alter table design_version add column service_months integer check (service_months between 1 and 120);
