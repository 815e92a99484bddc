// The registers kept per portfolio (PMBOK Guide 6th ed.: risk register 11.2.3.1, issue log
// 4.3.3.3, change log 4.6.3.3, lessons learned register 4.4.3.1), each save replacing the
// portfolio's register in one transaction; lessons searched with SQLite FTS5
// (https://sqlite.org/fts5.html, BM25 ranking).
#include <cctype>
#include <set>

#include "ppm/core/error.hpp"
#include "ppm/store/repository.hpp"
#include "store/detail/bind.hpp"
#include "store/detail/sqlite.hpp"

namespace ppm {

using detail::SqliteStatement;
using detail::SqliteTransaction;
using Tx = detail::SqliteTransaction::Kind;

namespace {

template <class T>
void check_unique_ids(std::span<const T> items, std::string_view kind) {
    std::set<std::string_view> seen;
    for (const T& item : items) {
        if (item.id.empty()) throw ModelError::missing_value(std::string(kind) + " id", item.title);
        if (!seen.insert(item.id).second) throw ModelError::duplicate_id(kind, item.id);
    }
}

void bind_assessment(SqliteStatement& s, int first, const RiskAssessment& a) {
    s.bind(first, a.probability)
        .bind(first + 1, a.impact.cost.minor_units())
        .bind(first + 2, a.impact.schedule.count())
        .bind(first + 3, a.impact.quality)
        .bind(first + 4, a.impact.scope);
}

RiskAssessment read_assessment(const SqliteStatement& s, int first) {
    return RiskAssessment{.probability = s.get_double(first),
                          .impact = {.cost = Money{s.get_int(first + 1)},
                                     .schedule = Duration{s.get_int(first + 2)},
                                     .quality = static_cast<int>(s.get_int(first + 3)),
                                     .scope = static_cast<int>(s.get_int(first + 4))}};
}

/// Words of a free-text query as an FTS5 query: each word a quoted prefix term, all required.
std::string fts_query(std::string_view text) {
    std::string out;
    std::string word;
    const auto flush = [&] {
        if (word.empty()) return;
        if (!out.empty()) out += " AND ";
        out += '"' + word + "\"*";
        word.clear();
    };
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u) != 0) word += c;  // UTF-8 bytes stay in the word (unicode61 folds them)
        else flush();
    }
    flush();
    return out;
}

}  // namespace

// ---- risks ---------------------------------------------------------------------------------------

void Repository::save_risks(const PortfolioId& pf, std::span<const Risk> risks) {
    for (const Risk& r : risks) check_risk(r);
    check_unique_ids(risks, "risk");
    SqliteTransaction tx(*db_, Tx::write);
    detail::require_portfolio(*db_, pf);
    db_->prepare("DELETE FROM risks WHERE portfolio_id = ?").bind(1, pf.str()).run();
    auto ins = db_->prepare(
        "INSERT INTO risks(portfolio_id, id, pos, title, cause, event, effect, category, project_id, program_id, owner, opportunity, "
        "pre_probability, pre_cost, pre_schedule, pre_quality, pre_scope, post_probability, post_cost, post_schedule, post_quality, "
        "post_scope, strategy, status, raised, review_due) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    auto ins_action = db_->prepare(
        "INSERT INTO risk_actions(portfolio_id, risk_id, pos, description, owner, due, done, cost) VALUES(?,?,?,?,?,?,?,?)");
    auto ins_task = db_->prepare("INSERT INTO risk_tasks(portfolio_id, risk_id, pos, task_id) VALUES(?,?,?,?)");
    for (std::size_t k = 0; k < risks.size(); ++k) {
        const Risk& r = risks[k];
        ins.bind(1, pf.str())
            .bind(2, r.id)
            .bind(3, static_cast<std::int64_t>(k))
            .bind(4, r.title)
            .bind(5, r.cause)
            .bind(6, r.event)
            .bind(7, r.effect)
            .bind(8, r.category)
            .bind(9, detail::to_column(r.project))
            .bind(10, detail::to_column(r.program))
            .bind(11, r.owner)
            .bind(12, r.opportunity ? 1 : 0);
        bind_assessment(ins, 13, r.pre);
        if (r.post) bind_assessment(ins, 18, *r.post);
        ins.bind(23, to_string(r.strategy))
            .bind(24, to_string(r.status))
            .bind(25, detail::to_column(r.raised))
            .bind(26, detail::to_column(r.review_due))
            .run();
        for (std::size_t a = 0; a < r.actions.size(); ++a) {
            const RiskAction& action = r.actions[a];
            ins_action.bind(1, pf.str())
                .bind(2, r.id)
                .bind(3, static_cast<std::int64_t>(a))
                .bind(4, action.description)
                .bind(5, action.owner)
                .bind(6, detail::to_column(action.due))
                .bind(7, action.done ? 1 : 0)
                .bind(8, action.cost.minor_units())
                .run();
        }
        for (std::size_t t = 0; t < r.linked_tasks.size(); ++t)
            ins_task.bind(1, pf.str()).bind(2, r.id).bind(3, static_cast<std::int64_t>(t)).bind(4, r.linked_tasks[t].str()).run();
    }
    tx.commit();
}

std::vector<Risk> Repository::load_risks(const PortfolioId& pf) const {
    SqliteTransaction tx(*db_, Tx::read);
    std::vector<Risk> out;
    auto s = db_->prepare(
        "SELECT id, title, cause, event, effect, category, project_id, program_id, owner, opportunity, "
        "pre_probability, pre_cost, pre_schedule, pre_quality, pre_scope, post_probability, post_cost, post_schedule, post_quality, "
        "post_scope, strategy, status, raised, review_due FROM risks WHERE portfolio_id = ? ORDER BY pos");
    s.bind(1, pf.str());
    auto actions = db_->prepare(
        "SELECT description, owner, due, done, cost FROM risk_actions WHERE portfolio_id = ? AND risk_id = ? ORDER BY pos");
    auto tasks = db_->prepare("SELECT task_id FROM risk_tasks WHERE portfolio_id = ? AND risk_id = ? ORDER BY pos");
    while (s.step()) {
        Risk& r = out.emplace_back();
        r.id = s.get_text(0);
        r.title = s.get_text(1);
        r.cause = s.get_text(2);
        r.event = s.get_text(3);
        r.effect = s.get_text(4);
        r.category = s.get_text(5);
        r.project = detail::id_column<ProjectId>(s, 6);
        r.program = detail::id_column<ProgramId>(s, 7);
        r.owner = s.get_text(8);
        r.opportunity = s.get_int(9) != 0;
        r.pre = read_assessment(s, 10);
        if (!s.is_null(15)) r.post = read_assessment(s, 15);
        r.strategy = parse_response_strategy(s.get_text(20));
        r.status = parse_risk_status(s.get_text(21));
        r.raised = detail::date_column(s, 22);
        r.review_due = detail::date_column(s, 23);
        actions.bind(1, pf.str()).bind(2, r.id);
        while (actions.step())
            r.actions.push_back(RiskAction{.description = actions.get_text(0),
                                           .owner = actions.get_text(1),
                                           .due = detail::date_column(actions, 2),
                                           .done = actions.get_int(3) != 0,
                                           .cost = Money{actions.get_int(4)}});
        actions.reset();
        tasks.bind(1, pf.str()).bind(2, r.id);
        while (tasks.step()) r.linked_tasks.emplace_back(tasks.get_text(0));
        tasks.reset();
    }
    return out;
}

// ---- issues --------------------------------------------------------------------------------------

void Repository::save_issues(const PortfolioId& pf, std::span<const Issue> issues) {
    check_unique_ids(issues, "issue");
    SqliteTransaction tx(*db_, Tx::write);
    detail::require_portfolio(*db_, pf);
    db_->prepare("DELETE FROM issues WHERE portfolio_id = ?").bind(1, pf.str()).run();
    auto ins = db_->prepare(
        "INSERT INTO issues(portfolio_id, id, pos, project_id, title, description, owner, priority, status, raised, due, resolved, "
        "resolution, from_risk) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (std::size_t k = 0; k < issues.size(); ++k) {
        const Issue& i = issues[k];
        ins.bind(1, pf.str())
            .bind(2, i.id)
            .bind(3, static_cast<std::int64_t>(k))
            .bind(4, detail::to_column(i.project))
            .bind(5, i.title)
            .bind(6, i.description)
            .bind(7, i.owner)
            .bind(8, to_string(i.priority))
            .bind(9, to_string(i.status))
            .bind(10, detail::to_column(i.raised))
            .bind(11, detail::to_column(i.due))
            .bind(12, detail::to_column(i.resolved))
            .bind(13, i.resolution)
            .bind(14, i.from_risk)
            .run();
    }
    tx.commit();
}

std::vector<Issue> Repository::load_issues(const PortfolioId& pf) const {
    std::vector<Issue> out;
    auto s = db_->prepare(
        "SELECT id, project_id, title, description, owner, priority, status, raised, due, resolved, resolution, from_risk "
        "FROM issues WHERE portfolio_id = ? ORDER BY pos");
    s.bind(1, pf.str());
    while (s.step())
        out.push_back(Issue{.id = s.get_text(0),
                            .project = detail::id_column<ProjectId>(s, 1),
                            .title = s.get_text(2),
                            .description = s.get_text(3),
                            .owner = s.get_text(4),
                            .priority = parse_issue_priority(s.get_text(5)),
                            .status = parse_issue_status(s.get_text(6)),
                            .raised = detail::date_column(s, 7),
                            .due = detail::date_column(s, 8),
                            .resolved = detail::date_column(s, 9),
                            .resolution = s.get_text(10),
                            .from_risk = s.get_text(11)});
    return out;
}

// ---- change requests -----------------------------------------------------------------------------

void Repository::save_change_requests(const PortfolioId& pf, std::span<const ChangeRequest> requests) {
    check_unique_ids(requests, "change request");
    SqliteTransaction tx(*db_, Tx::write);
    detail::require_portfolio(*db_, pf);
    db_->prepare("DELETE FROM change_requests WHERE portfolio_id = ?").bind(1, pf.str()).run();
    auto ins = db_->prepare(
        "INSERT INTO change_requests(portfolio_id, id, pos, project_id, title, description, requested_by, submitted, status, "
        "cost_delta, schedule_delta, decided, decided_by) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    auto ins_task = db_->prepare("INSERT INTO change_request_tasks(portfolio_id, change_id, pos, task_id) VALUES(?,?,?,?)");
    for (std::size_t k = 0; k < requests.size(); ++k) {
        const ChangeRequest& c = requests[k];
        ins.bind(1, pf.str())
            .bind(2, c.id)
            .bind(3, static_cast<std::int64_t>(k))
            .bind(4, c.project.str())
            .bind(5, c.title)
            .bind(6, c.description)
            .bind(7, c.requested_by)
            .bind(8, detail::to_column(c.submitted))
            .bind(9, to_string(c.status))
            .bind(10, c.cost_delta.minor_units())
            .bind(11, c.schedule_delta.count())
            .bind(12, detail::to_column(c.decided))
            .bind(13, c.decided_by)
            .run();
        for (std::size_t t = 0; t < c.affected_tasks.size(); ++t)
            ins_task.bind(1, pf.str()).bind(2, c.id).bind(3, static_cast<std::int64_t>(t)).bind(4, c.affected_tasks[t].str()).run();
    }
    tx.commit();
}

std::vector<ChangeRequest> Repository::load_change_requests(const PortfolioId& pf) const {
    SqliteTransaction tx(*db_, Tx::read);
    std::vector<ChangeRequest> out;
    auto s = db_->prepare(
        "SELECT id, project_id, title, description, requested_by, submitted, status, cost_delta, schedule_delta, decided, decided_by "
        "FROM change_requests WHERE portfolio_id = ? ORDER BY pos");
    s.bind(1, pf.str());
    auto tasks = db_->prepare("SELECT task_id FROM change_request_tasks WHERE portfolio_id = ? AND change_id = ? ORDER BY pos");
    while (s.step()) {
        ChangeRequest& c = out.emplace_back(ChangeRequest{.id = s.get_text(0),
                                                          .project = ProjectId{s.get_text(1)},
                                                          .title = s.get_text(2),
                                                          .description = s.get_text(3),
                                                          .requested_by = s.get_text(4),
                                                          .submitted = detail::date_column(s, 5),
                                                          .status = parse_change_status(s.get_text(6)),
                                                          .cost_delta = Money{s.get_int(7)},
                                                          .schedule_delta = Duration{s.get_int(8)},
                                                          .decided = detail::date_column(s, 9),
                                                          .decided_by = s.get_text(10)});
        tasks.bind(1, pf.str()).bind(2, c.id);
        while (tasks.step()) c.affected_tasks.emplace_back(tasks.get_text(0));
        tasks.reset();
    }
    return out;
}

// ---- lessons -------------------------------------------------------------------------------------

void Repository::save_lessons(const PortfolioId& pf, std::span<const Lesson> lessons) {
    check_unique_ids(lessons, "lesson");
    SqliteTransaction tx(*db_, Tx::write);
    detail::require_portfolio(*db_, pf);
    db_->prepare("DELETE FROM lessons_fts WHERE rowid IN (SELECT rowid FROM lessons WHERE portfolio_id = ?)").bind(1, pf.str()).run();
    db_->prepare("DELETE FROM lessons WHERE portfolio_id = ?").bind(1, pf.str()).run();
    auto ins = db_->prepare(
        "INSERT INTO lessons(portfolio_id, id, pos, project_id, phase, title, text, recorded) VALUES(?,?,?,?,?,?,?,?)");
    auto ins_tag = db_->prepare("INSERT INTO lesson_tags(lesson_rowid, pos, tag) VALUES(?,?,?)");
    auto ins_fts = db_->prepare("INSERT INTO lessons_fts(rowid, title, text, tags) VALUES(?,?,?,?)");
    for (std::size_t k = 0; k < lessons.size(); ++k) {
        const Lesson& l = lessons[k];
        ins.bind(1, pf.str())
            .bind(2, l.id)
            .bind(3, static_cast<std::int64_t>(k))
            .bind(4, detail::to_column(l.project))
            .bind(5, l.phase)
            .bind(6, l.title)
            .bind(7, l.text)
            .bind(8, detail::to_column(l.recorded))
            .run();
        const std::int64_t rowid = db_->last_rowid();
        std::string tags;
        for (std::size_t t = 0; t < l.tags.size(); ++t) {
            ins_tag.bind(1, rowid).bind(2, static_cast<std::int64_t>(t)).bind(3, l.tags[t]).run();
            tags += (t ? " " : "") + l.tags[t];
        }
        ins_fts.bind(1, rowid).bind(2, l.title).bind(3, l.text).bind(4, tags).run();
    }
    tx.commit();
}

namespace {
std::vector<Lesson> read_lessons(detail::SqliteDb& db, SqliteStatement& s) {
    std::vector<Lesson> out;
    auto tags = db.prepare("SELECT tag FROM lesson_tags WHERE lesson_rowid = ? ORDER BY pos");
    while (s.step()) {
        Lesson& l = out.emplace_back(Lesson{.id = s.get_text(1),
                                            .project = detail::id_column<ProjectId>(s, 2),
                                            .phase = s.get_text(3),
                                            .title = s.get_text(4),
                                            .text = s.get_text(5),
                                            .recorded = detail::date_column(s, 6)});
        tags.bind(1, s.get_int(0));
        while (tags.step()) l.tags.push_back(tags.get_text(0));
        tags.reset();
    }
    return out;
}
}  // namespace

std::vector<Lesson> Repository::load_lessons(const PortfolioId& pf) const {
    SqliteTransaction tx(*db_, Tx::read);
    auto s = db_->prepare(
        "SELECT rowid, id, project_id, phase, title, text, recorded FROM lessons WHERE portfolio_id = ? ORDER BY pos");
    s.bind(1, pf.str());
    return read_lessons(*db_, s);
}

std::vector<Lesson> Repository::search_lessons(const PortfolioId& pf, const LessonQuery& query) const {
    // Filters are bound parameters; the FTS5 query is built from words only (no operator injection).
    std::string sql = "SELECT l.rowid, l.id, l.project_id, l.phase, l.title, l.text, l.recorded FROM lessons l";
    const std::string match = fts_query(query.text);
    const bool has_text = !match.empty();
    if (!query.text.empty() && !has_text)
        throw ModelError::invalid_value("lesson search text", query.text, "contains no word to search for");
    if (has_text) sql += " JOIN lessons_fts f ON f.rowid = l.rowid AND lessons_fts MATCH ?1";
    sql += " WHERE (?2 = '' OR l.portfolio_id = ?2) AND (?3 IS NULL OR l.project_id = ?3) AND (?4 = '' OR l.phase = ?4 COLLATE NOCASE)";
    for (std::size_t t = 0; t < query.tags.size(); ++t)
        sql += " AND EXISTS (SELECT 1 FROM lesson_tags g WHERE g.lesson_rowid = l.rowid AND g.tag = ?" + std::to_string(5 + t) +
               " COLLATE NOCASE)";
    sql += has_text ? " ORDER BY bm25(lessons_fts), l.recorded DESC, l.id" : " ORDER BY l.recorded DESC, l.id";
    SqliteTransaction tx(*db_, Tx::read);
    auto s = db_->prepare(sql);
    if (has_text) s.bind(1, match);
    s.bind(2, pf.str()).bind(3, detail::to_column(query.project)).bind(4, query.phase);
    for (std::size_t t = 0; t < query.tags.size(); ++t) s.bind(static_cast<int>(5 + t), query.tags[t]);
    return read_lessons(*db_, s);
}

}  // namespace ppm
