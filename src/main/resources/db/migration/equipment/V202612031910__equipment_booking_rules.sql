-- Booking rules per membership plan (by the plan's code): how far ahead a member may book, the least notice, and the
-- most hours a week. A plan without rules follows the chapter's defaults.
create table booking_rule (
    plan_code      varchar(40) primary key,
    days_ahead     integer not null check (days_ahead between 1 and 365),
    lead_minutes   integer not null check (lead_minutes between 0 and 10080),
    hours_per_week integer not null check (hours_per_week between 1 and 168)
);
