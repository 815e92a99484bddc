// The single-mode RCPSP instance of a PSPLIB `.sm` file (the reader is io's: src/io/psplib_read.cpp).
#include "ppm/leveling/psplib.hpp"

#include <filesystem>

#include "ppm/core/error.hpp"

namespace ppm {

RcpspInstance to_rcpsp_instance(const PsplibProject& project) {
    RcpspData data;
    data.name = std::filesystem::path(project.path).filename().string();
    const auto n = project.num_jobs;
    for (std::int32_t j = 0; j < n; ++j)
        if (project.num_modes(j) != 1)
            throw ModelError::unsupported("multi-mode job", std::to_string(j + 1),
                                          "the single-mode RCPSP needs exactly one mode per job");
    for (std::int32_t v : project.nonrenewable_demands)
        if (v != 0)
            throw ModelError::unsupported("non-renewable resource", data.name,
                                          "the single-mode RCPSP has renewable resources only");
    data.durations = project.mode_durations;
    data.capacities = project.renewable_capacities;
    data.demands = project.renewable_demands;
    for (std::int32_t j = 0; j < n; ++j)
        for (std::int32_t k = project.successor_offsets[j]; k < project.successor_offsets[j + 1]; ++k)
            add_finish_to_start(data, j, project.successor_indices[k]);
    return RcpspInstance(std::move(data));
}

}  // namespace ppm
