#pragma once
// Glob patterns of `exclude` and `[[overrides]] paths`, matched against a path relative to the
// directory holding the config file. `*` and `?` stay within one path component, `[abc]`/`[a-z]`/
// `[!a]` match one character of a set, and a `**` component matches any number of components. A
// pattern that matches a directory matches everything under it, so `legacy` and `legacy/**` agree.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace zdlint::config {

// `relative` uses '/' separators, no leading "./", as relative_path returns it.
bool path_matches(std::string_view pattern, std::string_view relative);

// `file` relative to `directory` (both absolute and normalized) with '/' separators; nullopt when
// the file is not under the directory, where no pattern can apply.
std::optional<std::string> relative_path(const std::filesystem::path& directory, const std::filesystem::path& file);

// No component is empty (but a root's), "." or "..": the path is lexically normal as it is, and
// taking it apart into components (which std::filesystem does for every path it builds) can wait.
bool is_lexically_normal(std::string_view path);

// Paths in the order std::filesystem::path compares them when both are lexically normal: component
// by component, which is the bytes' order with '/' before every other byte.
bool normal_path_less(std::string_view a, std::string_view b);

// `name` in `directory`, joined as std::filesystem's operator/ joins them: one '/' between, none
// after an empty directory.
std::string join_text(std::string_view directory, std::string_view name);

// The directory holding a lexically normal path, as parent_path() gives it, computed on the text:
// "/a/b" is in "/a", "/a" in "/", "a" in "" (a run looks up thousands of directories).
std::string parent_text(const std::string& path);

// An absolute, lexically normalized path (no symlinks resolved, so the path the user wrote is the
// one patterns are matched against).
std::filesystem::path absolute_normal(const std::filesystem::path& path);

}  // namespace zdlint::config
