-- A BOM line may name the stock material it draws on (the chapter's material catalogue code).
alter table design_bom_line add column material_code varchar(60);
