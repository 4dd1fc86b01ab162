-- What an hour on a machine costs a member, in the chapter's currency's minor units; null when not charged.
alter table machine add column hourly_rate_minor bigint check (hourly_rate_minor >= 0);
