-- The showroom: a built unit the chapter offers for sale at a price, and when it was sold (to a member, named as its
-- owner, or to a visitor, who is not named anywhere).
alter table production_unit add column offer_price_minor bigint check (offer_price_minor > 0);
alter table production_unit add column sold_at timestamp with time zone;
alter table production_unit add column sold_to_visitor boolean default false not null;
