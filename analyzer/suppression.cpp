#include "analyzer/suppression.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "parser/sql_text.h"
#include "rules/registry.h"

namespace zdlint {
namespace {

constexpr std::string_view kIgnore = "zdlint-ignore";
constexpr std::string_view kIgnoreFile = "zdlint-ignore-file";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool contains(ByteRange range, uint32_t offset) {
  return range.begin <= offset && offset <= range.end;
}

std::string join(const std::vector<std::string_view>& ids) {
  std::string out;
  for (const auto id : ids) out += (out.empty() ? "" : ", ") + std::string(id);
  return out;
}

Diagnostic make(const Rule& rule, FileId file, ByteRange range, std::string message, std::string help) {
  Diagnostic d;
  d.rule = RuleId(rule.meta.id);
  d.severity = rule.meta.severity;
  d.file = file;
  d.range = range;
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

// Finds the statement directives whose target holds an offset without looking at every one: a file
// with a directive on each of its 16,000 statements took 2.6 G instructions to match its findings.
// The targets are sorted by where they begin, each with the furthest end of those up to it, so a
// search walks back from the last target beginning at or before the offset only as far as one of
// them can still reach it. Statements' targets barely overlap: that is one or two steps.
class DirectiveIndex {
 public:
  explicit DirectiveIndex(const std::vector<IgnoreDirective>& directives) : directives_(directives) {
    for (size_t k = 0; k < directives.size(); ++k) (directives[k].file_wide ? file_wide_ : by_begin_).push_back(k);
    std::stable_sort(by_begin_.begin(), by_begin_.end(),
                     [&](size_t a, size_t b) { return directives[a].target.begin < directives[b].target.begin; });
    reach_.reserve(by_begin_.size());
    for (const size_t k : by_begin_)
      reach_.push_back(std::max(reach_.empty() ? 0 : reach_.back(), directives[k].target.end));
  }

  // Calls visit(k) for each statement directive k whose target holds `offset`.
  template <typename Visit>
  void for_each_covering(uint32_t offset, Visit visit) const {
    auto i =
        static_cast<size_t>(std::upper_bound(by_begin_.begin(), by_begin_.end(), offset,
                                             [&](uint32_t at, size_t k) { return at < directives_[k].target.begin; }) -
                            by_begin_.begin());
    while (i > 0 && reach_[i - 1] >= offset) {
      --i;
      if (contains(directives_[by_begin_[i]].target, offset)) visit(by_begin_[i]);
    }
  }

  [[nodiscard]] const std::vector<size_t>& file_wide() const { return file_wide_; }

 private:
  const std::vector<IgnoreDirective>& directives_;
  std::vector<size_t> by_begin_;   // statement directives, by where their target begins
  std::vector<uint32_t> reach_;    // reach_[i]: the furthest end of the targets of by_begin_[0..i]
  std::vector<size_t> file_wide_;  // file-wide directives, in the order given
};

}  // namespace

ParsedDirective parse_ignore_directive(const Comment& comment) {
  ParsedDirective out;
  const std::string_view text = comment.text;
  if (!text.starts_with(kIgnore)) return out;
  size_t word_end = 0;
  while (word_end < text.size() && !is_space(text[word_end]) && text[word_end] != ':') ++word_end;
  const std::string_view word = text.substr(0, word_end);
  if (word != kIgnore && word != kIgnoreFile) {
    if (word.starts_with("zdlint-ignore-"))
      out.problems.push_back({comment.range, fmt::format("unknown directive `{}`", word),
                              "zdlint understands `zdlint-ignore RULE: reason` (one statement) and "
                              "`zdlint-ignore-file RULE: reason` (the whole file)"});
    return out;  // "zdlint-ignored …" and the like are prose, not directives
  }
  IgnoreDirective d;
  d.comment = comment.range;
  d.file_wide = word == kIgnoreFile;
  const std::string_view rest = text.substr(word_end);
  const size_t colon = rest.find(':');
  const std::string_view list = rest.substr(0, colon);
  if (colon != std::string_view::npos) d.reason = std::string(trim(rest.substr(colon + 1)));

  std::vector<std::string_view> unknown;
  size_t i = 0;
  while (i < list.size()) {
    if (is_space(list[i]) || list[i] == ',') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < list.size() && !is_space(list[j]) && list[j] != ',') ++j;
    const std::string_view id = list.substr(i, j - i);
    if (const Rule* rule = find_rule(id)) {
      if (std::find(d.rules.begin(), d.rules.end(), rule->meta.id) == d.rules.end()) d.rules.push_back(rule->meta.id);
    } else {
      unknown.push_back(id);
    }
    i = j;
  }

  const std::string example =
      fmt::format("`-- {} {}: why it is safe here`", word, d.rules.empty() ? std::string("rule-id") : join(d.rules));
  if (d.rules.empty() && unknown.empty())
    out.problems.push_back({comment.range, fmt::format("`{}` names no rule", word),
                            fmt::format("name the rules it suppresses, comma-separated, and a reason: {}", example)});
  for (const auto id : unknown)
    out.problems.push_back({comment.range, fmt::format("`{}` names an unknown rule `{}`", word, id),
                            "`zdlint rules` lists the rule ids; the other rules the directive names still apply"});
  if (d.reason.empty() && !(d.rules.empty() && unknown.empty()))
    out.problems.push_back({comment.range, fmt::format("`{}` without a reason suppresses nothing", word),
                            fmt::format("say after a ':' why the finding does not apply here: {}", example)});
  if (!d.reason.empty() && !d.rules.empty()) {
    d.used.assign(d.rules.size(), false);
    out.directive = std::move(d);
  }
  return out;
}

void FileSuppressions::add(const Comment& comment, ByteRange target, bool orphan) {
  if (!comment.text.starts_with(kIgnore)) return;  // the common case, cheaply
  if (!seen_.insert(comment.range.begin).second) return;
  ParsedDirective parsed = parse_ignore_directive(comment);
  std::move(parsed.problems.begin(), parsed.problems.end(), std::back_inserter(problems_));
  if (!parsed.directive) return;
  if (!parsed.directive->file_wide) {
    parsed.directive->target = target;
    parsed.directive->orphan = orphan;
  }
  directives_.push_back(std::move(*parsed.directive));
}

void FileSuppressions::add_statement(const Statement& stmt, std::string_view file_text) {
  // Before the statement: from the directive to the statement's end, so that a statement the
  // parser rejected between the two is covered too.
  for (const auto& c : stmt.leading_comments) add(c, {c.range.end, stmt.range.end}, false);
  for (const auto& c : stmt.trailing_comments) add(c, stmt.range, false);
  // Inside it (between its first and last token).
  for (const auto& token : stmt.tokens)
    if (token.is_comment() && token.begin > stmt.range.begin && token.begin < stmt.range.end)
      add(make_comment(file_text, token), stmt.range, false);
}

// A statement directive after the last statement covers only what follows it: a statement the
// parser rejected there.
void FileSuppressions::add_file_comment(const Comment& comment) {
  add(comment, {comment.range.end, std::numeric_limits<uint32_t>::max()}, true);
}

void FileSuppressions::finish(FileId file, size_t first, std::vector<Diagnostic>& diagnostics,
                              std::vector<Diagnostic>& suppressed, const SuppressionPolicy& policy) {
  if (policy.report_invalid)
    for (auto& p : problems_)
      diagnostics.push_back(make(invalid_ignore_rule(), file, p.comment, std::move(p.message), std::move(p.help)));

  const DirectiveIndex index(directives_);
  // Moves diagnostics[from, end) that a directive covers to `suppressed`; marks the directives used.
  const auto apply = [&](size_t from) {
    size_t kept = from;
    for (size_t i = from; i < diagnostics.size(); ++i) {
      Diagnostic& d = diagnostics[i];
      const IgnoreDirective* match = nullptr;
      // Marks each directive covering the finding used, and picks the one that explains it: the
      // statement directives come first, and of them the first given; a file-wide one only when
      // none covers it.
      const auto consider = [&](IgnoreDirective& directive) {
        for (size_t k = 0; k < directive.rules.size(); ++k) {
          if (directive.rules[k] != d.rule.str()) continue;
          directive.used[k] = true;
          if (!match || (!directive.file_wide && &directive < match)) match = &directive;
        }
      };
      index.for_each_covering(d.range.begin, [&](size_t k) { consider(directives_[k]); });
      for (const size_t k : index.file_wide()) consider(directives_[k]);
      if (match) {
        d.suppression = Suppression{match->file_wide, match->reason, match->comment};
        suppressed.push_back(std::move(d));
      } else {
        if (kept != i) diagnostics[kept] = std::move(d);
        ++kept;
      }
    }
    diagnostics.resize(kept);
  };
  apply(first);

  if (!policy.report_unused) return;
  const size_t unused_from = diagnostics.size();
  for (const auto& directive : directives_) {
    std::vector<std::string_view> unused;
    for (size_t k = 0; k < directive.rules.size(); ++k) {
      const std::string_view id = directive.rules[k];
      // unused-ignore itself is judged only after this pass; never report it as unused.
      if (!directive.used[k] && id != unused_ignore_rule().meta.id && policy.rule_ran(id)) unused.push_back(id);
    }
    if (unused.empty()) continue;
    const std::string word(directive.file_wide ? kIgnoreFile : kIgnore);
    std::string message;
    std::string help;
    if (directive.orphan) {
      message = fmt::format("`{} {}` follows the last statement and applies to none", word, join(unused));
      help = "put it on the line before the statement it is about, or use zdlint-ignore-file for the whole file";
    } else {
      message = fmt::format("`{} {}` suppressed nothing: {} has no such finding", word, join(unused),
                            directive.file_wide ? "the file" : "the statement");
      help =
          "remove the directive (or the rule ids that no longer apply): a stale ignore would hide the next "
          "real finding";
    }
    diagnostics.push_back(make(unused_ignore_rule(), file, directive.comment, std::move(message), std::move(help)));
  }
  apply(unused_from);
}

}  // namespace zdlint
