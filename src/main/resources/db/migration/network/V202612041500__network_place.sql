-- Where this chapter is, if its stewards say so: its description carries it and the network page maps the chapters.
create table network_place (
    id         integer primary key,
    latitude   numeric(9, 6) not null check (latitude between -90 and 90),
    longitude  numeric(9, 6) not null check (longitude between -180 and 180),
    constraint network_place_single_row check (id = 1)
);
