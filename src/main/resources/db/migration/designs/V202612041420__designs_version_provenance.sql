-- Where a version came from when it was another chapter's improvement: the chapter, its version and the git commit.
alter table design_version add column provenance varchar(500);
