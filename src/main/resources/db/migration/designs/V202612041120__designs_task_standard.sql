-- The standard a build task's quality checks refer to (free text, such as "AWS D1.1 visual inspection").
alter table design_task add column standard varchar(200);
