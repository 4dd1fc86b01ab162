-- How newcomers join: INSTANT (one form, logged in at once) or EMAIL_LINK (a mailed link finishes joining).
alter table chapter add column sign_up_mode varchar(20) not null default 'INSTANT';
alter table chapter add constraint chapter_sign_up_mode check (sign_up_mode in ('INSTANT', 'EMAIL_LINK'));
