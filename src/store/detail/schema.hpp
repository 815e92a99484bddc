#pragma once
// The repository schema as forward migrations: migration k turns a version k-1 file into version
// k (version 0 = empty file). Applied in order, in one transaction, by `migrate` on open.
// Never edit a released migration: append a new one (docs/store.md, "Schema and migrations").

#include <span>
#include <string_view>

#include "store/detail/sqlite.hpp"

namespace ppm::detail {

/// One forward migration.
struct StoreMigration {
    int version;                  ///< The version the file has after it.
    std::string_view description;
    std::string_view sql;
};

/// Every migration, in version order (versions 1, 2, ...).
std::span<const StoreMigration> store_migrations() noexcept;

/// The file's version: 0 for an empty database; throws ParseError::unexpected when the file holds
/// tables but no schema_version table (not a ppm repository).
int read_schema_version(SqliteDb& db);

/// Brings the schema up to `target` (default: the newest) in one write transaction; throws
/// ParseError::unexpected when the file is newer than `target`. Returns the version reached.
int migrate(SqliteDb& db, int target = 0);

}  // namespace ppm::detail
