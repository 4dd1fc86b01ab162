-- What an hour of teaching (signing off trainees) or maintenance is worth to the chapter, in minor units of its
-- currency: such work counts as value generated at this rate (null until the stewards set it).
alter table chapter add column hourly_value_minor bigint check (hourly_value_minor > 0);
