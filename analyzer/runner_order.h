#pragma once
// The order in which a runner applies the migrations it finds, where that differs from the natural
// order of their paths (../shared/reference/runners.md §D):
//   - Sqitch: the line order of sqitch.plan (deploy/<change>.sql; a reworked change's earlier
//     occurrences use deploy/<change>@<tag>.sql);
//   - Liquibase: the include order of the master changelog (includeAll: its files in path order);
//   - yoyo: `-- depends:` headers, topologically, keeping the listing order where they allow;
//   - Flyway: versioned files by version (1.9 < 1.10, 1 = 1.0) across every subdirectory, then the
//     repeatable R__ files by description;
//   - dbmate: the file names as plain strings (so 10_x before 9_x);
//   - Prisma: the migration directories by name as localeCompare sorts them (20250625_x after
//     20250624120000_y);
//   - Synapse: delta/<N>/ by N across its schema directories, then by file name;
//   - temporal-sql-tool: each versioned/v<X.Y>/ directory in its manifest.json order.
// golang-migrate, goose, sqlx and the others order by numeric version or by file name in fixed-width
// layouts, which the natural order already is.
#include <string_view>
#include <vector>

#include "analyzer/directory_listing.h"
#include "analyzer/discovery.h"

namespace zdlint {

// Reorders the files found under one directory argument (given in natural order). Files a runner
// does not list keep their natural place after the ones it does. `configured_runner` is the
// `--runner`/config runner, empty when each file's runner is recognised.
void order_for_runners(std::vector<DiscoveredFile>& files, std::string_view configured_runner,
                       DirectoryListings* listings = nullptr);

// Flyway's version order: `_` reads as `.`, parts compare as numbers, missing parts are 0.
int compare_flyway_versions(std::string_view a, std::string_view b);

}  // namespace zdlint
