-- When the holder was told the badge expires within 30 days, so they are told once.
alter table badge add column expiry_noticed_at timestamp with time zone;
