#pragma once
// SHA-1 (FIPS 180-4), for identifiers that other tools expect to look like a cryptographic digest
// (GitLab Code Quality fingerprints). Not used for anything security-relevant.
#include <string>
#include <string_view>

namespace zdlint {

// 40 lowercase hex digits.
std::string sha1_hex(std::string_view data);

}  // namespace zdlint
