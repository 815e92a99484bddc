// Critical path bound (LB0) and energy bound (LB1); Demeulemeester & Herroelen (2002), ch. 6.
#include "ppm/leveling/lower_bounds.hpp"

#include <algorithm>

#include "ppm/leveling/priority_rules.hpp"

namespace ppm {

LowerBounds lower_bounds(const RcpspInstance& instance) {
    LowerBounds b;
    b.critical_path = time_windows(instance).critical_path_length;
    for (std::int32_t k = 0; k < instance.num_resources(); ++k) {
        std::int64_t work = 0;
        for (std::int32_t j = 0; j < instance.num_jobs(); ++j)
            work += static_cast<std::int64_t>(instance.duration(j)) * instance.demand(j, k);
        const std::int64_t cap = instance.peak_capacity(k);  // over time: a valid relaxation
        if (cap > 0) b.energy = std::max(b.energy, static_cast<std::int32_t>((work + cap - 1) / cap));
    }
    b.best = std::max(b.critical_path, b.energy);
    return b;
}

}  // namespace ppm
