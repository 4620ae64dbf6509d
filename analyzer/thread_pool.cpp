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

void ordered_pipeline(size_t count, unsigned jobs, PipelineWindow window, const std::function<size_t(size_t)>& produce,
                      const std::function<void(size_t)>& consume, const std::function<void(size_t)>& release) {
  if (jobs <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) {
      produce(i);
      consume(i);
      if (release) release(i);
    }
    return;
  }
  // With nothing ahead of the consumer an item always starts: the run goes on whatever one weighs.
  window.items = std::max<size_t>(window.items, 1);
  window.weight = std::max<size_t>(window.weight, 1);
  // Each side wakes the other only when it is waiting for what just happened: a wake-up is a
  // context switch, and on the corpus a notification per file on each side was thousands of them.
  constexpr size_t kNotWaiting = SIZE_MAX;
  std::mutex mutex;
  std::condition_variable item_ready;      // the consumer waits on it
  std::condition_variable work_available;  // idle workers wait on it
  // Guarded by mutex:
  std::vector<char> produced(count, 0);
  std::vector<size_t> weights(count, 0);
  std::deque<size_t> to_release;
  size_t next = 0;
  size_t consumed = 0;
  size_t weight_ahead = 0;  // of the produced items not yet consumed
  const auto may_start_next = [&] {
    return next < count && next < consumed + window.items && weight_ahead < window.weight;
  };
  size_t consumer_waits_for = kNotWaiting;
  unsigned idle_workers = 0;
  const auto worker = [&] {
    while (true) {
      size_t i = 0;
      bool releasing = false;
      {
        std::unique_lock lock(mutex);
        const auto has_work = [&] { return !to_release.empty() || may_start_next() || consumed == count; };
        if (!has_work()) {
          ++idle_workers;
          work_available.wait(lock, has_work);
          --idle_workers;
        }
        if (!to_release.empty()) {
          i = to_release.front();
          to_release.pop_front();
          releasing = true;
        } else if (may_start_next()) {
          i = next++;
        } else {
          return;  // everything consumed and released
        }
      }
      if (releasing) {
        release(i);
        continue;
      }
      const size_t weight = produce(i);
      bool wake_consumer = false;
      {
        const std::lock_guard lock(mutex);
        produced[i] = 1;
        weights[i] = weight;
        weight_ahead += weight;
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
      while (!produced[i] && may_start_next()) {
        const size_t k = next++;
        lock.unlock();
        const size_t weight = produce(k);
        lock.lock();
        produced[k] = 1;
        weights[k] = weight;
        weight_ahead += weight;
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
      weight_ahead -= weights[i];
      if (release) to_release.push_back(i);
      wake_workers = idle_workers > 0;  // a slot opened in the window, and maybe an item to release
    }
    if (wake_workers) work_available.notify_all();
  }
}

}  // namespace zdlint
