# Warnings and sanitizers for ppm's own targets only (never global flags).
function(ppm_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
      -Wno-missing-field-initializers)  # designated initialisers omit defaulted members on purpose
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      # GCC 12 reports false -Wrestrict positives inside libstdc++'s std::string at -O2 (GCC bug 105329).
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(PPM_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  if(PPM_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # The sanitizers' instrumentation makes GCC's -Wmaybe-uninitialized report false positives in
      # libstdc++ (std::regex's std::function state at -O1; GCC documents the interaction).
      target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
  endif()
endfunction()

# ppm_add_area(<area> SOURCES ... [DEPENDS ppm_x ...] [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
function(ppm_add_area area)
  cmake_parse_arguments(A "" "" "SOURCES;DEPENDS;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(ppm_${area} STATIC ${A_SOURCES})
  add_library(ppm::${area} ALIAS ppm_${area})
  ppm_target_defaults(ppm_${area})
  target_include_directories(ppm_${area} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(ppm_${area} PUBLIC ${A_DEPENDS} ${A_PUBLIC_LIBS} PRIVATE ${A_PRIVATE_LIBS})
  set_target_properties(ppm_${area} PROPERTIES EXPORT_NAME ${area} OUTPUT_NAME ppm_${area})
endfunction()
