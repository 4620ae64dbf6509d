#include "analyzer/directory_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace zdlint {
namespace fs = std::filesystem;
namespace {

fs::file_type type_of(mode_t mode) {
  if (S_ISDIR(mode)) return fs::file_type::directory;
  if (S_ISREG(mode)) return fs::file_type::regular;
  return fs::file_type::unknown;  // a FIFO, a socket, …: present, never read as a file
}

DirectoryEntry entry_of(int directory_fd, const char* name, unsigned char d_type) {
  DirectoryEntry entry{name, fs::file_type::unknown};
  struct stat status {};
  if (d_type == DT_UNKNOWN) {  // a file system that does not say: ask, without following a link
    if (::fstatat(directory_fd, name, &status, AT_SYMLINK_NOFOLLOW) != 0) {
      entry.type = fs::file_type::not_found;  // gone since it was listed
      return entry;
    }
    if (!S_ISLNK(status.st_mode)) {
      entry.type = type_of(status.st_mode);
      return entry;
    }
    d_type = DT_LNK;
  }
  switch (d_type) {
    case DT_DIR:
      entry.type = fs::file_type::directory;
      break;
    case DT_REG:
      entry.type = fs::file_type::regular;
      break;
    case DT_LNK:  // only a link costs a stat: of its target (not_found when it dangles)
      entry.is_symlink = true;
      entry.type = ::fstatat(directory_fd, name, &status, 0) == 0 ? type_of(status.st_mode) : fs::file_type::not_found;
      break;
    default:
      break;
  }
  return entry;
}

}  // namespace

Fd open_directory(int parent_fd, const std::string& name, bool follow_link, int& error) {
  const int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow_link ? 0 : O_NOFOLLOW);
  const int fd = ::openat(parent_fd, name.c_str(), flags);
  error = fd >= 0 ? 0 : errno;
  return Fd(fd);
}

std::vector<DirectoryEntry> read_directory(int directory_fd, int& error) {
  error = 0;
  std::vector<DirectoryEntry> entries;
  alignas(struct dirent64) std::array<char, 32768> buffer;  // not cleared: the kernel fills what is used
  while (true) {
    const ssize_t size = ::getdents64(directory_fd, buffer.data(), buffer.size());
    if (size < 0) {
      if (errno == EINTR) continue;
      error = errno;
      return entries;
    }
    if (size == 0) return entries;
    for (ssize_t offset = 0; offset < size;) {
      const auto* record = reinterpret_cast<const struct dirent64*>(buffer.data() + offset);
      offset += record->d_reclen;
      const char* name = record->d_name;
      if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
      entries.push_back(entry_of(directory_fd, name, record->d_type));
    }
  }
}

}  // namespace zdlint
