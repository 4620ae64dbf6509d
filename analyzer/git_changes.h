#pragma once
// --changed-since REF: the files a git working tree adds or modifies relative to a ref (committed,
// staged, unstaged and untracked-but-not-ignored changes). git is run with an argument vector,
// never through a shell, so a ref or path cannot inject a command.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <variant>

namespace zdlint {

struct ChangedFiles {
  std::filesystem::path repository;         // the working tree's top level
  std::set<std::filesystem::path> files;    // absolute, lexically normal
};

// The changes under the repository that contains `directory`; a message for the user when git is
// missing, `directory` is not in a repository or the ref does not name a commit.
std::variant<ChangedFiles, std::string> changed_since(const std::string& ref, const std::filesystem::path& directory);

// The content of `file` (absolute, inside `repository`) in the commit `ref` names (`git show
// REF:path`); nullopt when the file did not exist there or git fails.
std::optional<std::string> file_at_ref(const std::filesystem::path& repository, const std::string& ref,
                                       const std::filesystem::path& file);

}  // namespace zdlint
