// libFuzzer target: arbitrary bytes as a .zdlint.toml, through the TOML parser, validation (every
// error must carry a position inside the text) and resolution for a file, as `zdlint config` does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "config/config.h"
#include "config/effective.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const zdlint::config::LoadResult loaded = zdlint::config::parse_config(text, ".zdlint.toml", "/repo");
  for (const auto& error : loaded.errors) {
    if (error.message.empty()) std::abort();  // every error explains itself
    (void)error.to_string();
  }
  if (!loaded.config) return 0;
  for (const char* target : {"/repo/db/migrations/V1__init.sql", "/repo/other/x.sql", "/elsewhere/y.sql"})
    (void)zdlint::config::resolve(&*loaded.config, target, {});
  return 0;
}
