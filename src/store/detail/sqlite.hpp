#pragma once
// A thin RAII layer over the SQLite C API (https://sqlite.org/cintro.html): a connection, prepared
// statements with typed binds and columns, and transactions that roll back unless committed.
// Every failure throws ppm::ParseError::io naming the database file and SQLite's message and code.

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ppm::detail {

/// Throws ParseError::io for `path` with SQLite's error text for `rc`.
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, const std::string& path, std::string_view what);

class SqliteStatement;

/// One connection to a database file.
class SqliteDb {
public:
    /// Opens `path` with `flags` (SQLITE_OPEN_*). Throws ParseError::io on failure.
    SqliteDb(const std::filesystem::path& path, int flags);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    /// Runs one or more statements without results.
    void exec(std::string_view sql);
    /// Prepares one statement.
    [[nodiscard]] SqliteStatement prepare(std::string_view sql);
    /// The first column of the first row of `sql` as an integer (0 when no row).
    [[nodiscard]] std::int64_t scalar_int(std::string_view sql);
    /// Rows changed by the last statement.
    [[nodiscard]] std::int64_t changes() const noexcept;
    /// Rowid of the last insert.
    [[nodiscard]] std::int64_t last_rowid() const noexcept;

    [[nodiscard]] sqlite3* handle() const noexcept { return db_; }
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[noreturn]] void fail(int rc, std::string_view what) const { throw_sqlite(db_, rc, path_, what); }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

/// A prepared statement; bind positions are 1-based, columns 0-based (as in SQLite).
class SqliteStatement {
public:
    SqliteStatement(SqliteDb& db, sqlite3_stmt* stmt) noexcept : db_(&db), stmt_(stmt) {}
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
    SqliteStatement& operator=(SqliteStatement&&) = delete;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int i, std::int64_t v);
    SqliteStatement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    SqliteStatement& bind(int i, double v);
    SqliteStatement& bind(int i, std::string_view v);
    SqliteStatement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    SqliteStatement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    SqliteStatement& bind_null(int i);
    /// Binds the value or NULL.
    template <class T>
    SqliteStatement& bind(int i, const std::optional<T>& v) {
        return v ? bind(i, *v) : bind_null(i);
    }

    /// Advances to the next row: true when there is one, false when done.
    bool step();
    /// Runs a statement that returns no rows, then resets it for reuse.
    void run();
    /// Resets for a new execution and clears the binds.
    void reset() noexcept;

    [[nodiscard]] bool is_null(int col) const noexcept;
    [[nodiscard]] std::int64_t get_int(int col) const noexcept;
    [[nodiscard]] double get_double(int col) const noexcept;
    [[nodiscard]] std::string get_text(int col) const;
    [[nodiscard]] std::optional<std::int64_t> get_opt_int(int col) const noexcept;
    [[nodiscard]] std::optional<std::string> get_opt_text(int col) const;

private:
    SqliteDb* db_;
    sqlite3_stmt* stmt_;
};

/// BEGIN IMMEDIATE (writes) or BEGIN (reads) ... COMMIT; rolls back in the destructor unless committed.
class SqliteTransaction {
public:
    enum class Kind { read, write };
    SqliteTransaction(SqliteDb& db, Kind kind);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    /// COMMIT; throws on failure (then the destructor rolls back).
    void commit();

private:
    SqliteDb& db_;
    bool open_ = false;
};

}  // namespace ppm::detail
