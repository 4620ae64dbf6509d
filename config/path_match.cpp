#include "config/path_match.h"

#include <algorithm>
#include <span>
#include <vector>

namespace zdlint::config {
namespace fs = std::filesystem;
namespace {

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty() && part != ".") parts.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

// The classic two-pointer wildcard match with one backtrack point: O(pattern × text) however many
// stars there are, so a hostile pattern in a pull request's config cannot stall the run.
template <class Pattern, class Text, class IsStar, class MatchesOne>
bool wildcard(const Pattern& pattern, const Text& text, IsStar is_star, MatchesOne matches_one) {
  size_t p = 0, t = 0;
  size_t star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && is_star(pattern[p])) {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && matches_one(pattern[p], text[t])) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && is_star(pattern[p])) ++p;
  return p == pattern.size();
}

// One element of a component pattern: a literal character, `?`, `*` or a `[...]` set.
struct CharToken {
  enum class Kind { Literal, Any, Star, Set } kind = Kind::Literal;
  char ch = 0;
  std::string_view set;  // between the brackets, without a leading ! or ^
  bool negate = false;
};

std::vector<CharToken> tokenize(std::string_view pattern) {
  std::vector<CharToken> tokens;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char ch = pattern[i];
    if (ch == '*') {
      if (tokens.empty() || tokens.back().kind != CharToken::Kind::Star) tokens.push_back({CharToken::Kind::Star});
    } else if (ch == '?') {
      tokens.push_back({CharToken::Kind::Any});
    } else if (ch == '[') {
      size_t j = i + 1;
      const bool negate = j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^');
      if (negate) ++j;
      // A ']' right after the opening bracket belongs to the set.
      const size_t close = pattern.find(']', j + 1);
      if (j >= pattern.size() || close == std::string_view::npos) {
        tokens.push_back({CharToken::Kind::Literal, ch});  // unclosed: an ordinary '['
        continue;
      }
      tokens.push_back({CharToken::Kind::Set, 0, pattern.substr(j, close - j), negate});
      i = close;
    } else {
      tokens.push_back({CharToken::Kind::Literal, ch});
    }
  }
  return tokens;
}

bool in_set(std::string_view set, char ch) {
  for (size_t i = 0; i < set.size(); ++i) {
    if (i + 2 < set.size() && set[i + 1] == '-') {
      if (set[i] <= ch && ch <= set[i + 2]) return true;
      i += 2;
    } else if (set[i] == ch) {
      return true;
    }
  }
  return false;
}

bool component_matches(std::string_view pattern, std::string_view name) {
  return wildcard(
      tokenize(pattern), name, [](const CharToken& t) { return t.kind == CharToken::Kind::Star; },
      [](const CharToken& t, char ch) {
        switch (t.kind) {
          case CharToken::Kind::Literal:
            return t.ch == ch;
          case CharToken::Kind::Any:
            return true;
          case CharToken::Kind::Set:
            return in_set(t.set, ch) != t.negate;
          case CharToken::Kind::Star:
            break;
        }
        return false;
      });
}

bool matches(std::span<const std::string_view> pattern, std::span<const std::string_view> path) {
  return wildcard(
      pattern, path, [](std::string_view c) { return c == "**"; },
      [](std::string_view p, std::string_view name) { return component_matches(p, name); });
}

}  // namespace

bool path_matches(std::string_view pattern, std::string_view relative) {
  const auto pat = components(pattern);
  const auto path = components(relative);
  if (pat.empty()) return false;
  // The path itself, or one of the directories it lies in.
  for (size_t length = path.size(); length > 0; --length)
    if (matches(pat, std::span(path).first(length))) return true;
  return false;
}

std::optional<std::string> relative_path(const fs::path& directory, const fs::path& file) {
  const fs::path relative = file.lexically_relative(directory);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

bool is_lexically_normal(std::string_view path) {
  size_t begin = path.starts_with('/') ? 1 : 0;
  while (true) {
    const size_t end = path.find('/', begin);
    const std::string_view part = path.substr(begin, end == std::string_view::npos ? end : end - begin);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string_view::npos) return true;
    begin = end + 1;
  }
}

bool normal_path_less(std::string_view a, std::string_view b) {
  const auto rank = [](char c) { return c == '/' ? 0 : static_cast<unsigned char>(c) + 1; };
  const size_t common = std::min(a.size(), b.size());
  for (size_t i = 0; i < common; ++i)
    if (a[i] != b[i]) return rank(a[i]) < rank(b[i]);
  return a.size() < b.size();
}

std::string join_text(std::string_view directory, std::string_view name) {
  std::string path;
  path.reserve(directory.size() + 1 + name.size());
  path.append(directory);
  if (!path.empty() && path.back() != '/') path += '/';
  path.append(name);
  return path;
}

std::string parent_text(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return {};
  return slash == 0 ? "/" : path.substr(0, slash);
}

fs::path absolute_normal(const fs::path& path) {
  if (path.native().starts_with('/') && is_lexically_normal(path.native())) return path;  // most are already
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  absolute = absolute.lexically_normal();
  // "dir/" normalizes to "dir/" with an empty last component; drop it so parent_path() is the parent.
  if (absolute.has_relative_path() && absolute.filename().empty()) absolute = absolute.parent_path();
  return absolute;
}

}  // namespace zdlint::config
