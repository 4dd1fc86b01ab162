-- A machine's work envelope (mm from its origin; null when not set) and rapid rate, which job files are checked and timed
-- against; and the job a booking carries: its G-code file read, its estimate and its toolpath drawn as SVG.
alter table machine add column envelope_x_mm integer check (envelope_x_mm > 0);
alter table machine add column envelope_y_mm integer check (envelope_y_mm > 0);
alter table machine add column envelope_z_mm integer check (envelope_z_mm > 0);
alter table machine add column rapid_mm_per_min integer check (rapid_mm_per_min > 0);

create table machine_job (
    booking_id  bigint        primary key references machine_booking (id),
    file_name   varchar(200)  not null,
    lines       integer       not null,
    moves       integer       not null,
    seconds     integer       not null,
    tool_changes integer      not null,
    bounds      varchar(200)  not null,
    svg         text          not null,
    created_at  timestamp with time zone not null
);
