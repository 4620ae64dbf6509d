#pragma once
// Runs independent tasks on a fixed number of threads.
#include <cstddef>
#include <functional>

namespace zdlint {

// Calls task(i) for every i in [0, count) on up to `jobs` threads (1 runs inline) and returns
// when all are done. Tasks must not throw.
void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)>& task);

unsigned default_jobs();

}  // namespace zdlint
