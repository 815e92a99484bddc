// RAII over the SQLite C API (https://sqlite.org/cintro.html). See detail/sqlite.hpp.
#include "store/detail/sqlite.hpp"

#include <limits>

#include "ppm/core/error.hpp"

namespace ppm::detail {

void throw_sqlite(sqlite3* db, int rc, const std::string& path, std::string_view what) {
    std::string msg(what);
    msg += ": ";
    msg += (db != nullptr && sqlite3_errcode(db) == rc) ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    msg += " (SQLite code " + std::to_string(rc) + ")";
    throw ParseError::io(path, msg);
}

SqliteDb::SqliteDb(const std::filesystem::path& path, int flags) : path_(path.string()) {
    const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = std::string("cannot open repository: ") + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        db_ = nullptr;
        throw ParseError::io(path_, msg);
    }
    sqlite3_extended_result_codes(db_, 1);
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

void SqliteDb::exec(std::string_view sql) {
    const std::string text(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw ParseError::io(path_, "SQL failed: " + msg + " (SQLite code " + std::to_string(rc) + ")");
    }
}

SqliteStatement SqliteDb::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, "cannot prepare \"" + std::string(sql.substr(0, 60)) + "\"");
    return SqliteStatement(*this, stmt);
}

std::int64_t SqliteDb::scalar_int(std::string_view sql) {
    SqliteStatement s = prepare(sql);
    return s.step() ? s.get_int(0) : 0;
}

std::int64_t SqliteDb::changes() const noexcept { return sqlite3_changes64(db_); }
std::int64_t SqliteDb::last_rowid() const noexcept { return sqlite3_last_insert_rowid(db_); }

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::bind(int i, std::int64_t v) {
    const int rc = sqlite3_bind_int64(stmt_, i, v);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}
SqliteStatement& SqliteStatement::bind(int i, double v) {
    const int rc = sqlite3_bind_double(stmt_, i, v);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}
SqliteStatement& SqliteStatement::bind(int i, std::string_view v) {
    if (v.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw ParseError::limit_exceeded(db_->path(), 0, "text value of " + std::to_string(v.size()) + " bytes");
    const int rc = sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}
SqliteStatement& SqliteStatement::bind_null(int i) {
    const int rc = sqlite3_bind_null(stmt_, i);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}

bool SqliteStatement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
    sqlite3_reset(stmt_);
    db_->fail(rc, "\"" + sql.substr(0, 60) + "\"");
}

void SqliteStatement::run() {
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset() noexcept {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool SqliteStatement::is_null(int col) const noexcept { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::int64_t SqliteStatement::get_int(int col) const noexcept { return sqlite3_column_int64(stmt_, col); }
double SqliteStatement::get_double(int col) const noexcept { return sqlite3_column_double(stmt_, col); }
std::string SqliteStatement::get_text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    const int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::string(p, static_cast<std::size_t>(n)) : std::string();
}
std::optional<std::int64_t> SqliteStatement::get_opt_int(int col) const noexcept {
    if (is_null(col)) return std::nullopt;
    return get_int(col);
}
std::optional<std::string> SqliteStatement::get_opt_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return get_text(col);
}

SqliteTransaction::SqliteTransaction(SqliteDb& db, Kind kind) : db_(db) {
    db_.exec(kind == Kind::write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    open_ = true;
}

SqliteTransaction::~SqliteTransaction() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace ppm::detail
