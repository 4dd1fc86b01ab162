-- Skills from competency frameworks (e.g. imported from Moodle), as a tree under their framework.
create table skill (
    code        varchar(100)  primary key,
    name        varchar(200)  not null,
    description varchar(8000) not null,
    parent      varchar(100),
    framework   varchar(100)  not null
);
