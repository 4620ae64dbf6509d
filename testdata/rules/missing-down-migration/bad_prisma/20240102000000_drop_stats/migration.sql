-- Prisma has no down migrations: only the directive documents a way back
DROP TABLE "Stat";
-- expect: missing-down-migration 2:1
