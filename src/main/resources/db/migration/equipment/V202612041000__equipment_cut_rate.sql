-- How fast a cutting table (laser, plasma, waterjet) cuts, in mm per minute: outline jobs (DXF, SVG) are timed by it.
alter table machine add column cut_mm_per_min integer check (cut_mm_per_min > 0);
-- What a booking's job file is: G-code, or an outline to cut (DXF, SVG).
alter table machine_job add column kind varchar(8) default 'GCODE' not null;
