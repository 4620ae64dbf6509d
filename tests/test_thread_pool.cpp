// The pipeline that overlaps parsing with the in-order replay.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "analyzer/thread_pool.h"

using zdlint::ordered_pipeline;
using zdlint::PipelineWindow;

namespace {

struct Trace {
  std::mutex mutex;
  std::vector<char> produced;
  std::vector<size_t> consumed;
  std::vector<char> released;
  size_t furthest_ahead = 0;  // produced items not yet consumed, at most
  size_t heaviest_ahead = 0;  // their weight, at most
  bool consumed_unproduced = false;
  bool released_unconsumed = false;
  bool released_twice = false;
};

// Item i weighs weight_of(i); every item weighs 1 without it.
void run(size_t count, unsigned jobs, PipelineWindow window, Trace& trace,
         const std::function<size_t(size_t)>& weight_of = nullptr) {
  trace.produced.assign(count, 0);
  trace.released.assign(count, 0);
  ordered_pipeline(
      count, jobs, window,
      [&](size_t i) {
        const size_t weight = weight_of ? weight_of(i) : 1;
        const std::lock_guard lock(trace.mutex);
        trace.produced[i] = 1;
        size_t ahead = 0;
        size_t weight_ahead = 0;
        for (size_t k = trace.consumed.size(); k < count; ++k) {
          ahead += trace.produced[k];
          if (trace.produced[k]) weight_ahead += weight_of ? weight_of(k) : 1;
        }
        trace.furthest_ahead = std::max(trace.furthest_ahead, ahead);
        trace.heaviest_ahead = std::max(trace.heaviest_ahead, weight_ahead);
        return weight;
      },
      [&](size_t i) {
        const std::lock_guard lock(trace.mutex);
        if (!trace.produced[i]) trace.consumed_unproduced = true;
        trace.consumed.push_back(i);
      },
      [&](size_t i) {
        const std::lock_guard lock(trace.mutex);
        if (trace.consumed.size() <= i) trace.released_unconsumed = true;
        if (trace.released[i]++) trace.released_twice = true;
      });
}

}  // namespace

TEST_CASE("ordered_pipeline: consumes every item once, in order, after it was produced") {
  for (const unsigned jobs : {1u, 2u, 4u}) {
    Trace trace;
    run(500, jobs, {.items = 8}, trace);
    CAPTURE(jobs);
    REQUIRE(trace.consumed.size() == 500);
    for (size_t i = 0; i < trace.consumed.size(); ++i) CHECK(trace.consumed[i] == i);
    CHECK_FALSE(trace.consumed_unproduced);
    CHECK(std::count(trace.released.begin(), trace.released.end(), 1) == 500);  // each released once,
    CHECK_FALSE(trace.released_unconsumed);                                     // after it was consumed
    CHECK_FALSE(trace.released_twice);
  }
}

TEST_CASE("ordered_pipeline: producers stay within the window") {
  Trace trace;
  run(300, 4, {.items = 5}, trace);
  CHECK(trace.furthest_ahead >= 1);
  CHECK(trace.furthest_ahead <= 5);
  Trace single;
  run(50, 1, {.items = 5}, single);
  CHECK(single.furthest_ahead == 1);  // one thread: produce, consume, in turn
}

TEST_CASE("ordered_pipeline: producers stop starting items while those ahead weigh the limit") {
  // Every tenth item weighs 100, the others 1; no new item is started once 50 are ahead. With four
  // threads, each may have started one item while the weight ahead was below the limit.
  const auto weight_of = [](size_t i) -> size_t { return i % 10 == 0 ? 100 : 1; };
  for (int repeat = 0; repeat < 20; ++repeat) {
    Trace trace;
    run(400, 4, {.items = 1000, .weight = 50}, trace, weight_of);
    REQUIRE(trace.consumed.size() == 400);
    for (size_t i = 0; i < trace.consumed.size(); ++i) CHECK(trace.consumed[i] == i);
    CHECK(trace.heaviest_ahead >= 100);  // an item heavier than the limit still goes through
    CHECK(trace.heaviest_ahead < 50 + 4 * 100);
  }
  // Items that weigh nothing are held back by the item count alone.
  Trace light;
  run(300, 4, {.items = 6, .weight = 50}, light, [](size_t) -> size_t { return 0; });
  CHECK(light.furthest_ahead <= 6);
}

TEST_CASE("ordered_pipeline: the calling thread produces too while it waits: `jobs` threads in all") {
  // The first two items each wait until both have started, so two threads must produce them at
  // once; with jobs = 2 there is one worker, and the other one must be the caller.
  const auto caller = std::this_thread::get_id();
  std::mutex mutex;
  std::condition_variable both_started;
  int started = 0;
  std::set<std::thread::id> producers;
  ordered_pipeline(
      20, 2, {.items = 8},
      [&](size_t i) -> size_t {
        std::unique_lock lock(mutex);
        producers.insert(std::this_thread::get_id());
        if (i >= 2) return 1;
        ++started;
        both_started.notify_all();
        both_started.wait_for(lock, std::chrono::seconds(10), [&] { return started >= 2; });
        return 1;
      },
      [](size_t) {});
  CHECK(started == 2);
  CHECK(producers.size() == 2);
  CHECK(producers.count(caller) == 1);
}

TEST_CASE("ordered_pipeline: nothing to do") {
  Trace trace;
  run(0, 4, {.items = 5}, trace);
  CHECK(trace.consumed.empty());
}
