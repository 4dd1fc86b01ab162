-- One running instance is one chapter; this single row says who it is.
create table chapter (
    id          integer primary key,
    name        varchar(200) not null,
    site        varchar(300) not null,
    region      varchar(200) not null,
    currency    char(3)      not null,
    founded_on  date         not null,
    mission     varchar(2000) not null,
    constraint chapter_single_row check (id = 1)
);
