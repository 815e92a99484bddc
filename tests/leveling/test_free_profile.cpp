// The free-capacity profile's searches that start from a remembered segment (white box: the
// profile is internal to src/leveling). A search that keeps its place must find exactly what the
// plain binary search finds, whatever the hint: the levelled schedules depend on it.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "detail/free_profile.hpp"
#include "detail_rng_for_tests.hpp"

namespace {

using ppm::detail::FreeProfile;
using ppm::detail::kProfileMax;
using ppm::detail::kProfileMin;

// Capacity 3 with random spans of 1-2 units taken off: a busy step function with runs of full
// and free segments, as the SGS leaves it.
FreeProfile busy_profile(ppm::test::SplitMix& rng, int spans) {
    FreeProfile fp;
    fp.time.assign(1, kProfileMin);
    fp.free.assign(1, 3.0);
    for (int k = 0; k < spans; ++k) {
        const auto s = static_cast<std::int64_t>(rng.below(2000));
        const auto d = static_cast<std::int64_t>(1 + rng.below(60));
        fp.add(s, s + d, -static_cast<double>(1 + rng.below(2)));
    }
    return fp;
}

}  // namespace

TEST_CASE("free profile: searches from a hint find the segments a binary search finds") {
    ppm::test::SplitMix rng{7};
    for (int round = 0; round < 20; ++round) {
        const FreeProfile fp = busy_profile(rng, 40 + 10 * round);
        const std::size_t n = fp.time.size();
        REQUIRE(n > 20);
        for (int q = 0; q < 400; ++q) {
            const auto x = static_cast<std::int64_t>(rng.below(2200)) - 100;
            const std::size_t hint = rng.below(n + 3);  // any index, stale or past the end
            const std::size_t k = fp.segment(x);
            CHECK(fp.segment_from(hint, x) == k);
            CHECK(fp.segment_back(hint, x) == k);
            CHECK(fp.segment_from(0, x) == k);
            CHECK(fp.segment_back(n, x) == k);
        }
    }
}

TEST_CASE("free profile: fits and fits_before with a hint agree with the plain tests and move the hint") {
    ppm::test::SplitMix rng{11};
    for (int round = 0; round < 20; ++round) {
        const FreeProfile fp = busy_profile(rng, 60 + 10 * round);
        for (int q = 0; q < 300; ++q) {
            const auto s = static_cast<std::int64_t>(rng.below(2100));
            const std::int64_t f = s + 1 + static_cast<std::int64_t>(rng.below(80));
            const double units = static_cast<double>(1 + rng.below(3));
            // Rightward: a hint at or before s's segment.
            std::int64_t next = 0, next_hinted = 0;
            std::size_t hint = rng.below(fp.segment(s) + 1);
            const bool plain = fp.fits(s, f, units, next);
            CHECK(fp.fits(s, f, units, next_hinted, hint) == plain);
            if (!plain) {
                CHECK(next_hinted == next);
                CHECK(next > s);
                if (next != kProfileMax) {
                    CHECK(fp.time[hint] == next);  // the segment where the units fit again
                    CHECK(fp.free[hint] + 1e-9 >= units);
                }
            }
            // Leftward: a hint at or after s's segment (or none).
            std::int64_t before = 0, before_hinted = 0;
            std::size_t back = fp.segment(s) + rng.below(fp.time.size() + 2 - fp.segment(s));
            const bool plain_back = fp.fits_before(s, f, units, before);
            CHECK(fp.fits_before(s, f, units, before_hinted, back) == plain_back);
            if (!plain_back) {
                CHECK(before_hinted == before);
                CHECK(before < f);
                if (before != kProfileMin) CHECK(fp.time[back] == before);
            }
            // next_fit / fit_end from the segment holding s.
            const std::size_t k = fp.segment(s);
            CHECK(fp.next_fit_from(k, s, units) == fp.next_fit(s, units));
            CHECK(fp.fit_end_from(k, units) == fp.fit_end(s, units));
        }
    }
}
