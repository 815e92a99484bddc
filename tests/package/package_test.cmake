# The installed-package test: `cmake --install` works and find_package(ppm) consumers build.
add_test(NAME "package: find_package(ppm) consumer builds against the installed tree"
         COMMAND ${CMAKE_COMMAND} -DBIN=${PROJECT_BINARY_DIR} -DSRC=${PROJECT_SOURCE_DIR}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/package/run_package_test.cmake)
set_tests_properties("package: find_package(ppm) consumer builds against the installed tree" PROPERTIES LABELS package RUN_SERIAL TRUE)
