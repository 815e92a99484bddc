// Weighted scoring, ranking and exact sensitivity, hand-computed.
#include <catch2/catch.hpp>

#include "ppm/core/error.hpp"
#include "ppm/scoring/alignment.hpp"


namespace {
ppm::Rating lv(const char* s) { return ppm::Rating{s, std::nullopt}; }
ppm::Rating nb(double x) { return ppm::Rating{"", x}; }
}  // namespace

TEST_CASE("alignment: qualitative ratings give the hand-computed weighted score and ranking") {
    ppm::AlignmentInput in;
    in.drivers = {"d1", "d2"};
    in.weights = {0.6, 0.4};
    in.candidates = {"A", "B", "C"};
    in.ratings = {lv("extreme"), lv("none"),       // A: .6*1 + .4*0   = .60
                  lv("moderate"), lv("Strong"),    // B: .6*.5 + .4*.75 = .60
                  lv("low"), lv("extreme")};       // C: .6*.25 + .4*1  = .55
    const auto r = ppm::score_alignment(in);
    CHECK(r.score[0] == Approx(0.60));
    CHECK(r.score[1] == Approx(0.60));
    CHECK(r.score[2] == Approx(0.55));
    CHECK(r.rank == std::vector<std::size_t>{1, 2, 3});  // tie A/B broken by input order
}

TEST_CASE("alignment: numeric ratings are normalised per driver") {
    ppm::AlignmentInput in;
    in.drivers = {"npv", "risk"};
    in.weights = {1.0, 1.0};  // normalised to .5/.5
    in.driver_scales = {ppm::DriverScale{}, ppm::DriverScale{ppm::Normalisation::range, 0.0, 10.0, false}};
    in.candidates = {"A", "B", "C"};
    in.ratings = {nb(100), nb(2), nb(300), nb(8), nb(200), nb(5)};
    const auto r = ppm::score_alignment(in);
    // npv min-max: A 0, B 1, C .5 ; risk (lower better, range 0..10): A .8, B .2, C .5
    CHECK(r.normalised[0] == Approx(0.0));
    CHECK(r.normalised[1] == Approx(0.8));
    CHECK(r.normalised[2] == Approx(1.0));
    CHECK(r.normalised[3] == Approx(0.2));
    CHECK(r.score[0] == Approx(0.4));
    CHECK(r.score[1] == Approx(0.6));
    CHECK(r.score[2] == Approx(0.5));
    CHECK(r.order == std::vector<std::size_t>{1, 2, 0});
}

TEST_CASE("alignment: sensitivity limits are the exact crossing weights") {
    // Two drivers; A = (1, 0), B = (0, 1). With w1 = t, S_A = t, S_B = 1 - t: they cross at t = .5.
    // C = (.5, .5) scores .5 always: all three meet at .5.
    ppm::AlignmentInput in;
    in.drivers = {"d1", "d2"};
    in.weights = {0.7, 0.3};
    in.driver_scales = {ppm::DriverScale{ppm::Normalisation::none}, ppm::DriverScale{ppm::Normalisation::none}};
    in.candidates = {"A", "B"};
    in.ratings = {nb(1), nb(0), nb(0), nb(1)};
    auto r = ppm::score_alignment(in);
    CHECK(r.order == std::vector<std::size_t>{0, 1});
    CHECK(r.sensitivity[0].lower == Approx(0.5));
    CHECK(r.sensitivity[0].upper == Approx(1.0));
    CHECK(r.sensitivity[0].lower_swap_first == "A");
    CHECK(r.sensitivity[0].lower_swap_second == "B");
    CHECK(r.sensitivity[1].lower == Approx(0.0));
    CHECK(r.sensitivity[1].upper == Approx(0.5));

    // Three candidates, hand-computed: A=(.9,.1), B=(.6,.5), C=(.2,.9), w=(.5,.5):
    // S_A=.5, S_B=.55, S_C=.55 -> order B, C (tie, input order), A.
    // Moving w1=t: S_A=.1+.8t, S_B=.5+.1t, S_C=.9-.7t. B-C: -.4+.8t=0 -> t=.5 (tie at current, b>0 -> lower=.5)
    // A-? A is last; C-A: .8-1.5t=0 -> t=.5333.
    in.candidates = {"A", "B", "C"};
    in.weights = {0.5, 0.5};
    in.ratings = {nb(.9), nb(.1), nb(.6), nb(.5), nb(.2), nb(.9)};
    r = ppm::score_alignment(in);
    CHECK(r.order == std::vector<std::size_t>{1, 2, 0});
    CHECK(r.sensitivity[0].lower == Approx(0.5));
    CHECK(r.sensitivity[0].upper == Approx(0.8 / 1.5));
    CHECK(r.sensitivity[0].upper_swap_first == "C");
    CHECK(r.sensitivity[0].upper_swap_second == "A");
    // Verify by recomputation just past the limit that the order really changes.
    in.weights = {0.8 / 1.5 + 1e-6, 1.0 - 0.8 / 1.5 - 1e-6};
    const auto moved = ppm::score_alignment(in);
    CHECK(moved.order != r.order);
    in.weights = {0.8 / 1.5 - 1e-6, 1.0 - 0.8 / 1.5 + 1e-6};
    CHECK(ppm::score_alignment(in).order == r.order);
}

TEST_CASE("alignment: bad input is a ModelError") {
    ppm::AlignmentInput in;
    in.drivers = {"d1"};
    in.weights = {1.0};
    in.candidates = {"A"};
    in.ratings = {lv("huge")};
    CHECK_THROWS_AS(ppm::score_alignment(in), ppm::ModelError);
    in.ratings = {};
    CHECK_THROWS_AS(ppm::score_alignment(in), ppm::ModelError);
    in.ratings = {lv("low")};
    in.weights = {-1.0};
    CHECK_THROWS_AS(ppm::score_alignment(in), ppm::ModelError);
}
