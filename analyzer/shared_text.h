#pragma once
// Text that many diagnostics repeat word for word, held once. A rule's help is mostly the same
// sentence for every finding, and many messages recur too: the corpus's 14,565 findings carry 2.5 MB
// of help in 624 distinct texts and 4.4 MB of messages in 8,941 (2.8 MB); a 50 MB file's 77,000
// findings 15 MB of help in 11,000 texts. A run keeps every finding to its end, so each copy is
// memory it holds and, where every new page costs a fault, time.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zdlint {

// Immutable text, shared by copies: a copy costs a reference count, not the characters.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text)  // NOLINT(google-explicit-constructor): d.help = "…" as for a string
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] std::string_view view() const { return text_ ? std::string_view(*text_) : std::string_view(); }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  [[nodiscard]] std::string str() const { return std::string(view()); }
  [[nodiscard]] bool empty() const { return !text_; }
  friend bool operator==(const SharedText& a, const SharedText& b) { return a.view() == b.view(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.view() == b; }

 private:
  std::shared_ptr<const std::string> text_;  // null for the empty text
};

// Hands out one SharedText for each distinct text it is given. One run's pool: not thread-safe.
class TextPool {
 public:
  SharedText intern(std::string text);

 private:
  // XXH3 rather than std::hash, which takes some three instructions a byte: every finding's message
  // and help are looked up (7 MB of text on the corpus).
  struct Hash {
    size_t operator()(std::string_view text) const;
  };
  std::unordered_map<std::string_view, SharedText, Hash> texts_;  // each key views its own value's text
};

}  // namespace zdlint
