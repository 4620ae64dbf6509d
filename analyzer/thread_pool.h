#pragma once
// Runs independent tasks on a fixed number of threads.
#include <cstddef>
#include <cstdint>
#include <functional>

namespace zdlint {

// Calls task(i) for every i in [0, count) on up to `jobs` threads (1 runs inline) and returns
// when all are done. Tasks must not throw.
void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)>& task);

// How far ahead of the consumer a pipeline's producers may run: `items` produced items not yet
// consumed at most, and no new one started while those weigh `weight` or more (what produce()
// answered for each). The item the consumer needs next is always started, so the run goes on
// whatever one item weighs; what is held ahead stays below weight plus one item per thread.
struct PipelineWindow {
  size_t items = 1;
  size_t weight = SIZE_MAX;
};

// A pipeline: produce(i) runs in increasing i but never further ahead of the consumer than
// `window` allows, on `jobs` threads in all: jobs - 1 workers, and the calling thread whenever the
// item it must consume next is not ready yet; consume(i) runs on the calling thread, in order, as
// soon as produce(i) is done; release(i), when given, runs on a worker after consume(i), to free
// what the item held off the consumer's thread. Parsing overlaps the in-order replay, no more
// threads run than were asked for, and memory stays bounded by the window. With jobs <= 1 each item
// is produced, consumed and released in turn on the calling thread. The functions must not throw.
void ordered_pipeline(size_t count, unsigned jobs, PipelineWindow window, const std::function<size_t(size_t)>& produce,
                      const std::function<void(size_t)>& consume, const std::function<void(size_t)>& release = nullptr);

unsigned default_jobs();

}  // namespace zdlint
