-- A version that makes a material (bar from scrap, filament, blocks): the stock material and what one unit of a build yields.
alter table design_version add column output_material varchar(60);
alter table design_version add column output_quantity numeric(18, 4) check (output_quantity > 0);
