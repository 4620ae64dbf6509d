// The options jemalloc starts the zdlint binary with (linked only with jemalloc: CMakeLists.txt).
// jemalloc reads this string before main runs, and MALLOC_CONF from the environment after it, so a
// user can still override either option.
//
// - thp:always: jemalloc asks the kernel for transparent huge pages (madvise MADV_HUGEPAGE) for the
//   memory it maps. A run touches tens of megabytes once each, and on a virtual machine every 4 KB
//   page first touched costs a fault of some 10 µs; a 2 MB page is one fault. Where the kernel has
//   THP turned off this does nothing; Debian's default ("madvise") honours it.
// - narenas:1: one arena for all threads instead of four per core, which threads take in turn.
//   With huge pages, each arena holds its own partly used 2 MB pages, so fewer arenas keep the peak
//   memory down (and memory one thread frees is what the next one takes). The threads then share
//   the arena's locks, which cost about 1-2% of user time.
//
// On the corpus (bench/README.md): page faults -73%, wall time -13 to -16%, peak RSS 40 to 46 MB,
// still below squawk's 52 MB.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,narenas:1";
}
