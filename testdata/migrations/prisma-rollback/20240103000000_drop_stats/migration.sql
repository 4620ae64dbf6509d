-- Prisma has no down migrations, and this file does not say how to go back
DROP TABLE "Stat";
-- expect: missing-down-migration 2:1
