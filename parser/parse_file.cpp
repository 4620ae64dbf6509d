#include "parser/parse_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string>

#include "parser/pg_query_raii.h"
#include "parser/plpgsql.h"
#include "parser/sql_text.h"

namespace zdlint {
namespace {

// PostgreSQL's error text, made readable for a linter's user: the parser's "memory exhausted" is
// its stack overflowing on deep nesting, and the "at or near" excerpt of an unterminated comment or
// string is the whole rest of the file, so it is cut to its first line.
std::string readable_parser_message(std::string_view message) {
  if (message.starts_with("memory exhausted"))
    return "the statement nests too deeply for PostgreSQL's grammar (its parser stack is exhausted); the server "
           "rejects it too";
  constexpr std::string_view kNear = " at or near \"";
  const size_t near = message.find(kNear);
  if (near == std::string_view::npos || message.back() != '"') return std::string(message);
  const size_t begin = near + kNear.size();
  std::string_view excerpt = message.substr(begin, message.size() - 1 - begin);
  constexpr size_t kMaxExcerpt = 40;
  bool cut = false;
  if (const size_t newline = excerpt.find_first_of("\r\n"); newline != std::string_view::npos) {
    excerpt = excerpt.substr(0, newline);
    cut = true;
  }
  if (excerpt.size() > kMaxExcerpt) {
    size_t end = kMaxExcerpt;
    while (end > 0 && (static_cast<unsigned char>(excerpt[end]) & 0xC0) == 0x80) --end;  // keep UTF-8 whole
    excerpt = excerpt.substr(0, end);
    cut = true;
  }
  return fmt::format("{}{}{}\"", message.substr(0, begin), excerpt, cut ? "..." : "");
}

// A statement's extent before it is parsed: [begin, end) is its text (leading comments included,
// as libpg_query's stmt_location has it), region_end is where the next statement's text begins.
struct Slice {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t region_end = 0;
  const PgQuery__Node* node = nullptr;  // set when the whole file parsed at once
};

uint32_t byte_offset_of_cursor(std::string_view text, int cursorpos) {
  // libpg_query reports error positions in characters (1-based), not bytes.
  return cursorpos > 0 ? byte_offset_of_char(text, static_cast<uint32_t>(cursorpos - 1)) : 0;
}

class FileParser {
 public:
  FileParser(const SourceFile& file, const ParseOptions& options, const ParseSink& sink)
      : file_(file), text_(file.sql()), options_(options), sink_(sink) {}

  void run() {
    std::vector<Slice> slices;
    SharedTree whole_tree;
    std::optional<SyntaxError> scanner_error;
    if (text_.size() <= std::min(options_.whole_parse_limit_bytes, options_.streaming_threshold_bytes))
      whole_tree = parse_whole(slices);
    if (!whole_tree) split(slices, scanner_error);
    if (whole_tree) {
      // A file that parses is scanned once, and each statement takes its share of the tokens.
      const ScanOutcome scanned = scan_tokens(text_, 0);
      const std::vector<Token>* file_tokens = scanned.error_offset ? nullptr : &scanned.tokens;
      for (size_t i = 0; i < slices.size() && !stopped_; ++i) process(slices[i], whole_tree, 0, file_tokens);
    } else {
      // Large files and files with a syntax error: parsed a batch of statements at a time, so that
      // memory stays bounded and the cost per statement stays the whole-file parse's.
      for (size_t first = 0; first < slices.size() && !stopped_;) {
        const size_t last = batch_end(slices, first);
        const auto [tree, base] = parse_batch(slices, first, last);
        for (; first < last && !stopped_; ++first) process(slices[first], tree, base, nullptr);
      }
    }
    release_held();
    if (scanner_error && !stopped_) report(std::move(*scanner_error));
    if (!stopped_) flush_file_comments(!slices.empty());
  }

 private:
  SharedTree parse_whole(std::vector<Slice>& slices) {
    const ParseTreeResult result(file_.sql_c_str());
    if (result.error()) return nullptr;
    SharedTree tree = result.tree();
    if (!tree) return nullptr;
    for (size_t i = 0; i < tree->n_stmts; ++i) {
      const auto* raw = tree->stmts[i];
      const auto begin = static_cast<uint32_t>(raw->stmt_location);
      const uint32_t end = raw->stmt_len == 0 ? static_cast<uint32_t>(text_.size()) : begin + static_cast<uint32_t>(raw->stmt_len);
      slices.push_back({begin, end, 0, raw->stmt});
    }
    set_region_ends(slices);
    return tree;
  }

  // Recovery and streaming: the scanner finds statement boundaries without building trees.
  void split(std::vector<Slice>& slices, std::optional<SyntaxError>& scanner_error) {
    std::string_view text = text_;
    std::string prefix;
    {
      const SplitResult result(file_.sql_c_str());
      if (!result.error()) {
        collect(result, text, slices);
        set_region_ends(slices);
        return;
      }
      // An unterminated string or comment hides the rest of the file from the scanner: report
      // it, and split what comes before it.
      const uint32_t at = byte_offset_of_cursor(text, result.error()->cursorpos);
      scanner_error = SyntaxError{{at, static_cast<uint32_t>(text.size())},
                                  readable_parser_message(result.error()->message),
                                  false,
                                  result.stalled() ? "zdlint analysed the statements before this point and none after "
                                                     "it; text like this is most likely generated or damaged"
                                                   : ""};
      prefix.assign(text.substr(0, at));
    }
    const SplitResult result(prefix.c_str());
    if (!result.error()) collect(result, prefix, slices);
    // The statement that contains the unterminated token is the error itself.
    if (!slices.empty() && slices.back().end >= prefix.size()) {
      scanner_error->range.begin = std::min(scanner_error->range.begin, first_token_at_or_after(slices.back().begin, prefix.size()));
      slices.pop_back();
    }
    set_region_ends(slices);
    if (!slices.empty()) slices.back().region_end = std::min<uint32_t>(slices.back().region_end, static_cast<uint32_t>(prefix.size()));
  }

  // Where the batch of statements starting at slices[first] ends: about kBatchBytes of text.
  static size_t batch_end(const std::vector<Slice>& slices, size_t first) {
    constexpr uint32_t kBatchBytes = 256u << 10;
    size_t last = first + 1;
    while (last < slices.size() && slices[last].end - slices[first].begin <= kBatchBytes) ++last;
    return last;
  }

  // Parses slices [first, last) as one text and points each slice at its statement's tree; a
  // batch with a syntax error, or one that PostgreSQL splits differently from the scanner, is left
  // to the statement-at-a-time path, which finds and reports the error.
  std::pair<SharedTree, uint32_t> parse_batch(std::vector<Slice>& slices, size_t first, size_t last) const {
    if (last - first < 2) return {};
    const uint32_t begin = slices[first].begin;
    uint32_t end = slices[last - 1].end;
    if (end < text_.size() && text_[end] == ';') ++end;
    const std::string sql(text_.substr(begin, end - begin));
    const ParseTreeResult result(sql.c_str());
    if (result.error()) return {};
    SharedTree tree = result.tree();
    if (!tree || tree->n_stmts != last - first) return {};
    for (size_t k = 0; k < tree->n_stmts; ++k)
      if (begin + static_cast<uint32_t>(tree->stmts[k]->stmt_location) != slices[first + k].begin) return {};
    for (size_t k = 0; k < tree->n_stmts; ++k) slices[first + k].node = tree->stmts[k]->stmt;
    return {std::move(tree), begin};
  }

  uint32_t first_token_at_or_after(uint32_t begin, size_t limit) const {
    const auto outcome = scan_tokens(text_.substr(begin, limit - begin), begin);
    for (const auto& token : outcome.tokens)
      if (!token.is_comment()) return token.begin;
    return begin;
  }

  // pg_query_split_with_scanner silently drops a statement whose first token is not a keyword
  // (a typo such as "SELEC 1;" or a templating placeholder), so the text between the statements it
  // returns is scanned too, and whatever it holds besides ';' and comments becomes a slice of its own.
  void collect(const SplitResult& result, std::string_view text, std::vector<Slice>& slices) const {
    slices.reserve(static_cast<size_t>(result.size()));
    uint32_t cursor = 0;
    for (int i = 0; i < result.size(); ++i) {
      const auto begin = static_cast<uint32_t>(result[i].stmt_location);
      collect_gap(text, cursor, begin, slices);
      slices.push_back({begin, begin + static_cast<uint32_t>(result[i].stmt_len), 0, nullptr});
      cursor = slices.back().end;
    }
    collect_gap(text, cursor, static_cast<uint32_t>(text.size()), slices);
  }

  static void collect_gap(std::string_view text, uint32_t begin, uint32_t end, std::vector<Slice>& slices) {
    const std::string_view gap = text.substr(begin, end - begin);
    if (gap.find_first_not_of("; \t\r\n") == std::string_view::npos) return;
    uint32_t slice_begin = begin;
    bool has_code = false;
    for (const auto& token : scan_tokens(gap, begin).tokens) {
      if (token.is(';')) {
        if (has_code) slices.push_back({slice_begin, token.begin, 0, nullptr});
        slice_begin = token.end;
        has_code = false;
      } else if (!token.is_comment()) {
        has_code = true;
      }
    }
    if (has_code) slices.push_back({slice_begin, end, 0, nullptr});
  }

  void set_region_ends(std::vector<Slice>& slices) const {
    for (size_t i = 0; i < slices.size(); ++i)
      slices[i].region_end = i + 1 < slices.size() ? slices[i + 1].begin : static_cast<uint32_t>(text_.size());
  }

  // The tokens of the slice's region: taken from the file's when it was scanned whole, else scanned.
  static std::span<const Token> region_tokens(const Slice& slice, const std::vector<Token>& file_tokens) {
    const auto starts_before = [](const Token& t, uint32_t offset) { return t.begin < offset; };
    const auto first = std::lower_bound(file_tokens.begin(), file_tokens.end(), slice.begin, starts_before);
    const auto end = std::lower_bound(first, file_tokens.end(), slice.region_end, starts_before);
    return {first, end};
  }

  // `tree` holds the slice's node when it has one; `base` is the file offset it was parsed from.
  void process(const Slice& slice, const SharedTree& tree, uint32_t base, const std::vector<Token>* file_tokens) {
    ScanOutcome own_scan;
    if (!file_tokens) own_scan = scan_tokens(text_.substr(slice.begin, slice.region_end - slice.begin), slice.begin);
    const std::span<const Token> tokens = file_tokens ? region_tokens(slice, *file_tokens) : std::span(own_scan.tokens);
    const Token* first = nullptr;
    const Token* last = nullptr;
    for (const auto& token : tokens) {
      if (token.begin >= slice.end) break;
      if (token.is_comment()) {
        if (!first) place_comment(make_comment(text_, token));
        continue;
      }
      if (!first) first = &token;
      last = &token;
    }
    if (!first) {  // only comments: an empty statement
      place_comments_after(tokens, slice.end);
      return;
    }
    release_held();
    Statement stmt;
    stmt.range = {first->begin, last->end};
    stmt.tokens.assign(tokens.begin(), tokens.end());
    stmt.leading_comments = std::move(pending_comments_);
    pending_comments_.clear();

    if (slice.node) {
      stmt.node = slice.node;
      stmt.tree = tree;
      stmt.base_offset = base;
      hold(std::move(stmt));
      place_comments_after(tokens, slice.end);
      return;
    }
    // The ';' goes along so that errors read as PostgreSQL's would ("at or near ";"", not "at end of input").
    const bool terminated = slice.end < text_.size() && text_[slice.end] == ';';
    const std::string sql(text_.substr(slice.begin, slice.end - slice.begin + (terminated ? 1 : 0)));
    const ParseTreeResult result(sql.c_str());
    if (const auto* error = result.error()) {
      const uint32_t at = slice.begin + byte_offset_of_cursor(sql, error->cursorpos);
      report({error->cursorpos > 0 ? token_range_at(stmt.tokens, at, stmt.range) : stmt.range,
              readable_parser_message(error->message), false});
      pending_comments_ = std::move(stmt.leading_comments);  // they lead whatever comes next
      place_comments_after(tokens, slice.end);
      return;
    }
    SharedTree own = result.tree();
    if (!own) {  // PostgreSQL accepts it, but its tree nests too deeply to be read
      report({stmt.range,
              "the statement nests too deeply for zdlint to read its parse tree, so it was not analysed",
              false,
              "PostgreSQL accepts it; zdlint analysed the rest of the file, but knows nothing of this statement's "
              "locks or changes"});
      pending_comments_ = std::move(stmt.leading_comments);
      place_comments_after(tokens, slice.end);
      return;
    }
    if (own->n_stmts == 0) return;
    stmt.tree = own;
    stmt.base_offset = slice.begin;
    for (size_t i = 0; i + 1 < own->n_stmts; ++i) {  // rare: several statements in one slice
      Statement extra = stmt;
      extra.node = own->stmts[i]->stmt;
      hold(std::move(extra));
    }
    stmt.node = own->stmts[own->n_stmts - 1]->stmt;
    hold(std::move(stmt));
    place_comments_after(tokens, slice.end);
  }

  // A statement is emitted only when the next one starts, because a comment after its ';' on the
  // same line (in the next statement's text) still belongs to it.
  void hold(Statement&& stmt) {
    release_held();
    held_ = std::move(stmt);
    held_end_line_ = file_.line_of(held_->range.end);
  }

  void release_held() {
    if (!held_) return;
    Statement stmt = std::move(*held_);
    held_.reset();
    emit(std::move(stmt));
  }

  void place_comment(Comment&& comment) {
    if (held_ && pending_comments_.empty() && held_->trailing_comments.empty() &&
        file_.line_of(comment.range.begin) == held_end_line_)
      held_->trailing_comments.push_back(std::move(comment));
    else
      pending_comments_.push_back(std::move(comment));
  }

  // Comments between the end of a statement and the end of its region (the file's tail).
  void place_comments_after(std::span<const Token> tokens, uint32_t slice_end) {
    for (const auto& token : tokens)
      if (token.begin >= slice_end && token.is_comment()) place_comment(make_comment(text_, token));
  }

  void emit(Statement&& stmt) {
    const bool embeds = options_.analyse_plpgsql && may_embed_plpgsql(stmt);
    std::vector<Statement> embedded;
    if (embeds) embedded = extract_plpgsql_statements(file_, stmt);
    sink_.statement(std::move(stmt));
    for (auto& inner : embedded) sink_.statement(std::move(inner));
  }

  void report(SyntaxError&& error) {
    if (errors_ == options_.max_syntax_errors) {
      error.message = fmt::format("too many syntax errors ({}); zdlint stopped parsing this file here, "
                                  "and nothing after this point was analysed",
                                  errors_);
      error.gave_up = true;
      stopped_ = true;
    }
    ++errors_;
    sink_.syntax_error(std::move(error));
  }

  void flush_file_comments(bool file_has_statements) {
    // A file without statements may still hold comments (file-wide directives, say).
    if (!file_has_statements)
      for (const auto& token : scan_tokens(text_, 0).tokens)
        if (token.is_comment()) pending_comments_.push_back(make_comment(text_, token));
    for (auto& comment : pending_comments_) sink_.file_comment(std::move(comment));
    pending_comments_.clear();
  }

  const SourceFile& file_;
  std::string_view text_;
  const ParseOptions& options_;
  const ParseSink& sink_;
  std::vector<Comment> pending_comments_;
  std::optional<Statement> held_;
  uint32_t held_end_line_ = 0;
  size_t errors_ = 0;
  bool stopped_ = false;
};

}  // namespace

void parse_streaming(const SourceFile& file, const ParseOptions& options, const ParseSink& sink) {
  FileParser(file, options, sink).run();
}

ParsedFile parse_file(std::shared_ptr<const SourceFile> file, const ParseOptions& options) {
  ParsedFile parsed;
  parsed.source = file;
  const ParseSink sink{
      [&](Statement&& stmt) {
        if (stmt.origin == StatementOrigin::TopLevel) ++parsed.top_level_statements;
        parsed.statements.push_back(std::move(stmt));
      },
      [&](SyntaxError&& error) { parsed.syntax_errors.push_back(std::move(error)); },
      [&](Comment&& comment) { parsed.file_comments.push_back(std::move(comment)); },
  };
  parse_streaming(*file, options, sink);
  return parsed;
}

}  // namespace zdlint
