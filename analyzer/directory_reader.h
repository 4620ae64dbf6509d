#pragma once
// Reads a directory's entries straight from the kernel (getdents64), through a descriptor opened
// relative to its parent's. Discovery walks thousands of directories before anything else can
// start: std::filesystem's iterator spends seven system calls on each and looks every path up from
// the root; this spends four and looks up one name.
#include <string>
#include <vector>

#include "analyzer/directory_listing.h"
#include "analyzer/fd.h"

namespace zdlint {

// Opens the directory `name` in the one open as `parent_fd` (AT_FDCWD: the working directory).
// `follow_link`: whether a symbolic link as `name`'s last component is followed. On failure the
// Fd is empty and `error` holds errno.
Fd open_directory(int parent_fd, const std::string& name, bool follow_link, int& error);

// Every entry of the open directory but "." and "..", in the kernel's order. `error` is errno when
// the directory could not be read to its end (the entries read before are returned).
std::vector<DirectoryEntry> read_directory(int directory_fd, int& error);

}  // namespace zdlint
