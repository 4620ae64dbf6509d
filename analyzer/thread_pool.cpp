#include "analyzer/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
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
  // Each side wakes the other only when it is waiting for what just happened: a wake-up is a
  // context switch, and on the corpus a notification per file on each side was thousands of them.
  constexpr size_t kNotWaiting = SIZE_MAX;
  std::mutex mutex;
  std::condition_variable item_ready;      // the consumer waits on it
  std::condition_variable work_available;  // idle workers wait on it
  // Guarded by mutex:
  std::vector<char> produced(count, 0);
  std::deque<size_t> to_release;
  size_t next = 0;
  size_t consumed = 0;
  size_t consumer_waits_for = kNotWaiting;
  unsigned idle_workers = 0;
  const auto worker = [&] {
    while (true) {
      size_t i = 0;
      bool releasing = false;
      {
        std::unique_lock lock(mutex);
        const auto has_work = [&] {
          return !to_release.empty() || (next < count && next < consumed + window) || consumed == count;
        };
        if (!has_work()) {
          ++idle_workers;
          work_available.wait(lock, has_work);
          --idle_workers;
        }
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
      bool wake_consumer = false;
      {
        const std::lock_guard lock(mutex);
        produced[i] = 1;
        wake_consumer = consumer_waits_for == i;
      }
      if (wake_consumer) item_ready.notify_one();
    }
  };
  std::vector<std::jthread> pool;
  pool.reserve(jobs - 1);
  for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(worker);  // the calling thread is the last one
  for (size_t i = 0; i < count; ++i) {
    {
      std::unique_lock lock(mutex);
      // Waiting would leave a core idle: the consumer produces the next item meanwhile (the replay
      // of the corpus waits for a parse often enough that this is 10% of its wall time).
      while (!produced[i] && next < count && next < consumed + window) {
        const size_t k = next++;
        lock.unlock();
        produce(k);
        lock.lock();
        produced[k] = 1;
      }
      if (!produced[i]) {
        consumer_waits_for = i;
        item_ready.wait(lock, [&] { return produced[i] != 0; });
        consumer_waits_for = kNotWaiting;
      }
    }
    consume(i);
    bool wake_workers = false;
    {
      const std::lock_guard lock(mutex);
      consumed = i + 1;
      if (release) to_release.push_back(i);
      wake_workers = idle_workers > 0;  // a slot opened in the window, and maybe an item to release
    }
    if (wake_workers) work_available.notify_all();
  }
}

}  // namespace zdlint
