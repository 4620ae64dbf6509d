#include "analyzer/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace zdlint {

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)>& task) {
  const size_t threads = std::min<size_t>(std::max(1u, jobs), count);
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) task(i);
    return;
  }
  // Work is handed out one item at a time: file sizes vary by orders of magnitude.
  std::atomic<size_t> next{0};
  const auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) task(i);
  };
  std::vector<std::jthread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
}

void ordered_pipeline(size_t count, unsigned jobs, size_t window, const std::function<void(size_t)>& produce,
                      const std::function<void(size_t)>& consume, const std::function<void(size_t)>& release) {
  if (jobs <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) {
      produce(i);
      consume(i);
      if (release) release(i);
    }
    return;
  }
  window = std::max<size_t>(window, 1);
  std::mutex mutex;
  std::condition_variable changed;
  // Guarded by mutex:
  std::vector<char> produced(count, 0);
  std::deque<size_t> to_release;
  size_t next = 0;
  size_t consumed = 0;
  const auto worker = [&] {
    while (true) {
      size_t i = 0;
      bool releasing = false;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] {
          return !to_release.empty() || (next < count && next < consumed + window) || consumed == count;
        });
        if (!to_release.empty()) {
          i = to_release.front();
          to_release.pop_front();
          releasing = true;
        } else if (next < count && next < consumed + window) {
          i = next++;
        } else {
          return;  // everything consumed and released
        }
      }
      if (releasing) {
        release(i);
        continue;
      }
      produce(i);
      {
        const std::lock_guard lock(mutex);
        produced[i] = 1;
      }
      changed.notify_all();
    }
  };
  std::vector<std::jthread> pool;
  pool.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);
  for (size_t i = 0; i < count; ++i) {
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return produced[i] != 0; });
    }
    consume(i);
    {
      const std::lock_guard lock(mutex);
      consumed = i + 1;
      if (release) to_release.push_back(i);
    }
    changed.notify_all();
  }
}

}  // namespace zdlint
