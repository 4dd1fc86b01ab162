-- What one unit built from a version is worth, in the chapter's currency: the value a build produces and its builders
-- share (null until a steward prices the version).
alter table design_version add column reference_price_minor bigint check (reference_price_minor >= 0);
