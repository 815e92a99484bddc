#pragma once
// Fans items 0..count-1 out over `threads` threads: thread t takes items t, t + threads, t + 2
// threads, ... (thread 0 is the caller). The split depends only on the thread count, never on
// timing, and the GAs store the results in item order afterwards, so their answers do not depend
// on the thread count. `body(thread, item)` must only touch that item and that thread's scratch.

#include <cstddef>
#include <thread>
#include <vector>

namespace ppm::detail {

template <class Body>
void for_each_strided(std::size_t threads, std::size_t count, Body&& body) {
    if (threads <= 1 || count < 2) {
        for (std::size_t i = 0; i < count; ++i) body(std::size_t{0}, i);
        return;
    }
    auto work = [&](std::size_t t) {
        for (std::size_t i = t; i < count; i += threads) body(t, i);
    };
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
}

}  // namespace ppm::detail
