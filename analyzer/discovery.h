#pragma once
// Finds the migration files under the paths a user gives, in the order a runner applies them.
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/directory_listing.h"
#include "analyzer/input.h"

namespace zdlint {

struct DiscoveredFile {
  std::string path;          // to open
  std::string display_path;  // to show: as the user spelt the directory, joined with the file
};

struct Discovery {
  std::vector<DiscoveredFile> files;
  std::vector<InputProblem> problems;
};

// Directories are searched recursively for *.sql and *.sql.postgres (Synapse's PostgreSQL-only
// files; hidden directories skipped); files named explicitly are taken whatever their extension.
// Symbolic links that leave the directory are reported, not followed, so a link to a secret is
// never read into a public report. A directory's files come in their runner's order
// (analyzer/runner_order.h): `runner` is the configured one, empty when recognised per file.
// `listings`: directory listings to reuse and fill (runner ordering reads them; the runner
// detector of the same run asks the same directories again). Null: this call's own. `jobs`: the
// threads that read directories (the result is the same for any number).
Discovery discover(const std::vector<std::string>& paths, std::string_view runner = {},
                   DirectoryListings* listings = nullptr, unsigned jobs = 1);

// "Natural" order: digit runs compare by value, so 9_x sorts before 10_x; paths compare
// component by component.
bool natural_less(std::string_view a, std::string_view b);

}  // namespace zdlint
