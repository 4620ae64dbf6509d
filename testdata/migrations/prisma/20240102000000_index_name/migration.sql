CREATE INDEX CONCURRENTLY "Team_name_idx" ON "Team"("name");
