#pragma once
// Templating placeholders that runners substitute before PostgreSQL sees a file: Go templates
// (`{{ index .Options "Namespace" }}`, `{{ if .IsPostgreSQL }}` in pop/popx, tern) and Flyway or
// Liquibase properties (`${schema}`). They are not SQL, so the parser gets a copy of the file in
// which each one is masked, byte for byte, to keep every position: a placeholder that stands for a
// name becomes an identifier made of its name (`namespace_______________________`), a control
// action (`{{ if … }}`, `{{ end }}`, comments) becomes spaces.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zdlint {

struct MaskedText {
  std::string text;
  size_t placeholders = 0;
};

// nullopt when the text holds no placeholder.
std::optional<MaskedText> mask_templates(std::string_view text);

}  // namespace zdlint
