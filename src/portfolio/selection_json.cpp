// JSON (de)serialisation of the "strategy" and "selection" sections (nlohmann-json), with
// ParseErrors that carry the JSON path and the line/column of the offending value.
#include "ppm/portfolio/selection_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <set>

#include "ppm/core/error.hpp"
#include "ppm/io/read_limits.hpp"
#include "ppm/io/text_file.hpp"

namespace ppm {

namespace {

using json = nlohmann::json;
using Ptr = std::vector<std::string>;

std::string pointer(const Ptr& p) {
    std::string s;
    for (const auto& k : p) s += "/" + k;
    return s.empty() ? "/" : s;
}

Ptr operator/(Ptr p, std::string k) {
    p.push_back(std::move(k));
    return p;
}
Ptr operator/(Ptr p, std::size_t i) {
    p.push_back(std::to_string(i));
    return p;
}

// Finds where the value at `ptr` starts in the raw text (a small skip-parser): line and column.
class Locator {
public:
    explicit Locator(std::string_view text) : t_(text) {}

    std::pair<std::int64_t, std::int64_t> find(const Ptr& ptr) {
        i_ = 0;
        for (const auto& key : ptr)
            if (!descend(key)) break;
        ws();
        std::int64_t line = 1, col = 1;
        for (std::size_t k = 0; k < i_ && k < t_.size(); ++k) {
            if (t_[k] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        return {line, col};
    }

private:
    std::string_view t_;
    std::size_t i_ = 0;

    bool at_end() const { return i_ >= t_.size(); }
    void ws() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(t_[i_]))) ++i_;
    }
    std::string string() {
        std::string out;
        ++i_;
        while (!at_end() && t_[i_] != '"') {
            if (t_[i_] == '\\' && i_ + 1 < t_.size()) {
                out.push_back(t_[i_ + 1]);
                i_ += 2;
                continue;
            }
            out.push_back(t_[i_++]);
        }
        ++i_;
        return out;
    }
    void skip() {
        ws();
        if (at_end()) return;
        const char c = t_[i_];
        if (c == '"') {
            (void)string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (!at_end()) {
                const char d = t_[i_];
                if (d == '"') {
                    (void)string();
                    continue;
                }
                if (d == '{' || d == '[') ++depth;
                if (d == '}' || d == ']') {
                    --depth;
                    if (depth == 0) {
                        ++i_;
                        return;
                    }
                }
                ++i_;
            }
        } else {
            while (!at_end() && t_[i_] != ',' && t_[i_] != '}' && t_[i_] != ']') ++i_;
        }
    }
    bool descend(const std::string& key) {
        ws();
        if (at_end()) return false;
        if (t_[i_] == '{') {
            ++i_;
            for (;;) {
                ws();
                if (at_end() || t_[i_] != '"') return false;
                const std::string k = string();
                ws();
                if (at_end() || t_[i_] != ':') return false;
                ++i_;
                ws();
                if (k == key) return true;
                skip();
                ws();
                if (at_end() || t_[i_] != ',') return false;
                ++i_;
            }
        }
        if (t_[i_] == '[') {
            std::size_t want = 0;
            try {
                want = static_cast<std::size_t>(std::stoul(key));
            } catch (...) {
                return false;
            }
            ++i_;
            for (std::size_t n = 0;; ++n) {
                ws();
                if (at_end() || t_[i_] == ']') return false;
                if (n == want) return true;
                skip();
                ws();
                if (at_end() || t_[i_] != ',') return false;
                ++i_;
            }
        }
        return false;
    }
};

class Reader {
public:
    Reader(std::string_view text, std::string path) : text_(text), path_(std::move(path)) {}

    [[noreturn]] void fail(const Ptr& at, const std::string& what) const {
        Locator loc(text_);
        const auto [line, col] = loc.find(at);
        throw ParseError::unexpected(path_, line, col, what + " at " + pointer(at));
    }

    const json& field(const json& obj, const char* key, const Ptr& at) const {
        auto it = obj.find(key);
        if (it == obj.end()) fail(at, std::string("missing required field '") + key + "'");
        return *it;
    }
    void object(const json& v, const Ptr& at) const {
        if (!v.is_object()) fail(at, "expected an object");
    }
    void array(const json& v, const Ptr& at) const {
        if (!v.is_array()) fail(at, "expected an array");
    }
    void only(const json& obj, std::initializer_list<const char*> allowed, const Ptr& at) const {
        object(obj, at);
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool ok = false;
            for (const char* a : allowed) ok = ok || it.key() == a;
            if (!ok) fail(at / it.key(), "unknown field '" + it.key() + "'");
        }
    }
    double number(const json& v, const Ptr& at) const {
        if (!v.is_number()) fail(at, "expected a number");
        const double x = v.get<double>();
        if (!std::isfinite(x)) fail(at, "expected a finite number");
        return x;
    }
    int integer(const json& v, const Ptr& at) const {
        if (!v.is_number_integer()) fail(at, "expected an integer");
        const auto x = v.get<std::int64_t>();
        if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max()) fail(at, "integer out of range");
        return static_cast<int>(x);
    }
    std::string string(const json& v, const Ptr& at) const {
        if (!v.is_string()) fail(at, "expected a string");
        return v.get<std::string>();
    }
    std::optional<std::string> opt_string(const json& obj, const char* key, const Ptr& at) const {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return std::nullopt;
        return string(*it, at / key);
    }
    std::optional<double> opt_number(const json& obj, const char* key, const Ptr& at) const {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return std::nullopt;
        return number(*it, at / key);
    }
    std::vector<double> numbers(const json& v, const Ptr& at) const {
        array(v, at);
        std::vector<double> out;
        for (std::size_t i = 0; i < v.size(); ++i) out.push_back(number(v[i], at / i));
        return out;
    }
    std::vector<std::string> strings(const json& v, const Ptr& at) const {
        array(v, at);
        std::vector<std::string> out;
        for (std::size_t i = 0; i < v.size(); ++i) out.push_back(string(v[i], at / i));
        return out;
    }
    Money money(const json& v, const Ptr& at) const { return Money::from_major(number(v, at)); }
    // A judgement: number, "3", "1/3", or null (missing -> NaN, reported by AHP validation).
    double judgement(const json& v, const Ptr& at) const {
        if (v.is_null()) return std::nan("");
        if (v.is_number()) return number(v, at);
        if (v.is_string()) {
            const std::string s = v.get<std::string>();
            const auto slash = s.find('/');
            try {
                std::size_t used = 0;
                if (slash == std::string::npos) {
                    const double x = std::stod(s, &used);
                    if (used == s.size()) return x;
                } else {
                    const double a = std::stod(s.substr(0, slash));
                    const double b = std::stod(s.substr(slash + 1), &used);
                    if (used == s.size() - slash - 1 && b != 0.0) return a / b;
                }
            } catch (...) {
            }
        }
        fail(at, "expected a judgement (number, \"3\" or \"1/3\")");
    }

    Strategy strategy(const json& s, const Ptr& at, SelectionDocument& doc) const {
        only(s, {"name", "criteria", "stakeholders", "comparisons", "rating_scale", "driver_scales", "description"}, at);
        Strategy out;
        out.name = opt_string(s, "name", at).value_or("");
        const json& crit = field(s, "criteria", at);
        array(crit, at / "criteria");
        for (std::size_t i = 0; i < crit.size(); ++i) {
            const Ptr a = at / "criteria" / i;
            only(crit[i], {"id", "name", "parent", "description"}, a);
            Criterion c;
            c.id = string(field(crit[i], "id", a), a / "id");
            c.name = opt_string(crit[i], "name", a).value_or(c.id);
            c.parent = opt_string(crit[i], "parent", a).value_or("");
            c.description = opt_string(crit[i], "description", a).value_or("");
            out.criteria.push_back(std::move(c));
        }
        if (auto it = s.find("stakeholders"); it != s.end()) {
            array(*it, at / "stakeholders");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const Ptr a = at / "stakeholders" / i;
                only((*it)[i], {"id", "name", "weight"}, a);
                Stakeholder st;
                st.id = string(field((*it)[i], "id", a), a / "id");
                st.name = opt_string((*it)[i], "name", a).value_or(st.id);
                st.weight = opt_number((*it)[i], "weight", a).value_or(1.0);
                if (st.weight < 0) fail(a / "weight", "stakeholder weight must be >= 0");
                out.stakeholders.push_back(std::move(st));
            }
        }
        if (auto it = s.find("comparisons"); it != s.end()) {
            array(*it, at / "comparisons");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const Ptr a = at / "comparisons" / i;
                const json& c = (*it)[i];
                only(c, {"parent", "children", "judgements", "weights"}, a);
                Comparison cmp;
                cmp.parent = opt_string(c, "parent", a).value_or("");
                cmp.children = strings(field(c, "children", a), a / "children");
                const std::size_t n = cmp.children.size();
                if (auto w = c.find("weights"); w != c.end()) cmp.direct_weights = numbers(*w, a / "weights");
                if (auto js = c.find("judgements"); js != c.end()) {
                    array(*js, a / "judgements");
                    for (std::size_t k = 0; k < js->size(); ++k) {
                        const Ptr b = a / "judgements" / k;
                        const json& j = (*js)[k];
                        only(j, {"stakeholder", "matrix", "upper"}, b);
                        Judgements jd;
                        jd.stakeholder = opt_string(j, "stakeholder", b).value_or("");
                        if (auto m = j.find("matrix"); m != j.end()) {
                            array(*m, b / "matrix");
                            if (m->size() != n) fail(b / "matrix", "expected " + std::to_string(n) + " rows (one per child)");
                            jd.matrix = PairwiseMatrix(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
                            for (std::size_t r = 0; r < n; ++r) {
                                const json& row = (*m)[r];
                                array(row, b / "matrix" / r);
                                if (row.size() != n) fail(b / "matrix" / r, "expected " + std::to_string(n) + " judgements");
                                for (std::size_t col = 0; col < n; ++col)
                                    jd.matrix(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(col)) =
                                        judgement(row[col], b / "matrix" / r / col);
                            }
                        } else if (auto u = j.find("upper"); u != j.end()) {
                            array(*u, b / "upper");
                            std::vector<double> up;
                            for (std::size_t q = 0; q < u->size(); ++q) up.push_back(judgement((*u)[q], b / "upper" / q));
                            if (up.size() != n * (n - 1) / 2)
                                fail(b / "upper", "expected " + std::to_string(n * (n - 1) / 2) + " upper-triangle judgements");
                            jd.matrix = pairwise_from_upper(n, up, pointer(b));
                        } else {
                            fail(b, "a judgement needs 'matrix' or 'upper'");
                        }
                        cmp.judgements.push_back(std::move(jd));
                    }
                }
                out.comparisons.push_back(std::move(cmp));
            }
        }
        if (auto it = s.find("rating_scale"); it != s.end()) {
            object(*it, at / "rating_scale");
            doc.rating_scale.levels.clear();
            for (auto l = it->begin(); l != it->end(); ++l) {
                const double v = number(l.value(), at / "rating_scale" / l.key());
                if (v < 0 || v > 1) fail(at / "rating_scale" / l.key(), "rating level values must be in [0, 1]");
                doc.rating_scale.levels.push_back({l.key(), v});
            }
        }
        if (auto it = s.find("driver_scales"); it != s.end()) {
            object(*it, at / "driver_scales");
            for (auto d = it->begin(); d != it->end(); ++d) {
                const Ptr a = at / "driver_scales" / d.key();
                only(d.value(), {"normalisation", "lo", "hi", "higher_is_better"}, a);
                DriverScale ds;
                const std::string n = opt_string(d.value(), "normalisation", a).value_or("min_max");
                if (n == "none") ds.normalisation = Normalisation::none;
                else if (n == "min_max") ds.normalisation = Normalisation::min_max;
                else if (n == "range") ds.normalisation = Normalisation::range;
                else if (n == "max") ds.normalisation = Normalisation::max;
                else fail(a / "normalisation", "expected none, min_max, range or max");
                ds.lo = opt_number(d.value(), "lo", a).value_or(0.0);
                ds.hi = opt_number(d.value(), "hi", a).value_or(1.0);
                if (auto h = d.value().find("higher_is_better"); h != d.value().end()) {
                    if (!h->is_boolean()) fail(a / "higher_is_better", "expected true or false");
                    ds.higher_is_better = h->get<bool>();
                }
                doc.driver_scales[d.key()] = ds;
            }
        }
        return out;
    }

    Scenario scenario(const json& s, const Ptr& a) const {
        only(s, {"name", "total_budget", "budget_scale", "capacity_scale", "forced_in", "forced_out", "max_total_risk",
                 "objective"},
             a);
        Scenario sc;
        sc.name = string(field(s, "name", a), a / "name");
        if (auto v = opt_number(s, "total_budget", a)) sc.total_budget = Money::from_major(*v);
        sc.budget_scale = opt_number(s, "budget_scale", a);
        sc.capacity_scale = opt_number(s, "capacity_scale", a);
        if (auto it = s.find("forced_in"); it != s.end()) sc.forced_in = strings(*it, a / "forced_in");
        if (auto it = s.find("forced_out"); it != s.end()) sc.forced_out = strings(*it, a / "forced_out");
        sc.max_total_risk = opt_number(s, "max_total_risk", a);
        sc.objective = opt_string(s, "objective", a);
        return sc;
    }

    void selection(const json& s, const Ptr& at, SelectionDocument& doc, const std::set<std::string>& projects) const {
        only(s, {"periods", "period_labels", "objective", "budget", "capacity", "candidates", "links", "groups", "forced_in",
                 "forced_out", "category_limits", "max_total_risk", "scenarios", "solver", "description"},
             at);
        SelectionProblem& p = doc.problem;
        p.periods = integer(field(s, "periods", at), at / "periods");
        if (p.periods < 1) fail(at / "periods", "periods must be >= 1");
        if (auto it = s.find("period_labels"); it != s.end()) p.period_labels = strings(*it, at / "period_labels");
        p.objective = opt_string(s, "objective", at).value_or("score");
        if (auto it = s.find("budget"); it != s.end()) {
            const Ptr a = at / "budget";
            only(*it, {"per_period", "total"}, a);
            if (auto pp = it->find("per_period"); pp != it->end()) {
                array(*pp, a / "per_period");
                for (std::size_t t = 0; t < pp->size(); ++t) p.period_budget.push_back(money((*pp)[t], a / "per_period" / t));
            }
            if (auto v = opt_number(*it, "total", a)) p.total_budget = Money::from_major(*v);
        }
        if (auto it = s.find("capacity"); it != s.end()) {
            object(*it, at / "capacity");
            for (auto r = it->begin(); r != it->end(); ++r)
                p.capacities.push_back({r.key(), numbers(r.value(), at / "capacity" / r.key())});
        }
        const json& cands = field(s, "candidates", at);
        array(cands, at / "candidates");
        for (std::size_t i = 0; i < cands.size(); ++i) {
            const Ptr a = at / "candidates" / i;
            const json& c = cands[i];
            only(c, {"id", "name", "project", "category", "risk", "cost", "demand", "benefits", "ratings", "start", "notes"}, a);
            Candidate k;
            k.id = string(field(c, "id", a), a / "id");
            k.name = opt_string(c, "name", a).value_or(k.id);
            if (auto pr = opt_string(c, "project", a)) {
                if (!projects.empty() && !projects.count(*pr)) {
                    const auto [line, col] = Locator(text_).find(a / "project");
                    throw ModelError::unknown_id("project", *pr,
                                                 "candidate " + k.id + ", " + path_ + ":" + std::to_string(line));
                }
                k.project = ProjectId(*pr);
            }
            k.category = opt_string(c, "category", a).value_or("");
            k.risk = opt_number(c, "risk", a).value_or(0.0);
            if (auto it = c.find("cost"); it != c.end()) {
                array(*it, a / "cost");
                for (std::size_t t = 0; t < it->size(); ++t) {
                    const double x = number((*it)[t], a / "cost" / t);
                    if (x < 0) fail(a / "cost" / t, "cost must be >= 0");
                    k.cost.push_back(Money::from_major(x));
                }
            }
            if (auto it = c.find("demand"); it != c.end()) {
                object(*it, a / "demand");
                for (auto r = it->begin(); r != it->end(); ++r)
                    k.demand.push_back({r.key(), numbers(r.value(), a / "demand" / r.key())});
            }
            if (auto it = c.find("benefits"); it != c.end()) {
                object(*it, a / "benefits");
                for (auto b = it->begin(); b != it->end(); ++b) k.benefits[b.key()] = number(b.value(), a / "benefits" / b.key());
            }
            std::map<std::string, Rating> ratings;
            if (auto it = c.find("ratings"); it != c.end()) {
                object(*it, a / "ratings");
                for (auto r = it->begin(); r != it->end(); ++r) {
                    if (r.value().is_string()) ratings[r.key()] = Rating{r.value().get<std::string>(), std::nullopt};
                    else ratings[r.key()] = Rating{"", number(r.value(), a / "ratings" / r.key())};
                }
            }
            if (auto it = c.find("start"); it != c.end()) {
                const Ptr b = a / "start";
                only(*it, {"earliest", "latest"}, b);
                k.earliest_start = it->contains("earliest") ? integer(it->at("earliest"), b / "earliest") : 0;
                k.latest_start = it->contains("latest") ? integer(it->at("latest"), b / "latest") : -1;
                if (k.earliest_start < 0 || k.earliest_start >= p.periods) fail(b / "earliest", "start outside the horizon");
                if (k.latest_start >= 0 && (k.latest_start < k.earliest_start || k.latest_start >= p.periods))
                    fail(b / "latest", "latest start must be in earliest..periods-1");
            }
            p.candidates.push_back(std::move(k));
            doc.ratings.push_back(std::move(ratings));
        }
        if (auto it = s.find("links"); it != s.end()) {
            array(*it, at / "links");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const Ptr a = at / "links" / i;
                only((*it)[i], {"type", "from", "to"}, a);
                const std::string type = string(field((*it)[i], "type", a), a / "type");
                CandidateLink l;
                if (type == "requires") l.kind = LinkKind::requires_;
                else if (type == "exclusive") l.kind = LinkKind::exclusive;
                else fail(a / "type", "expected 'requires' or 'exclusive'");
                l.from = string(field((*it)[i], "from", a), a / "from");
                l.to = string(field((*it)[i], "to", a), a / "to");
                if (find_candidate(p, l.from) < 0) fail(a / "from", "unknown candidate '" + l.from + "'");
                if (find_candidate(p, l.to) < 0) fail(a / "to", "unknown candidate '" + l.to + "'");
                p.links.push_back(std::move(l));
            }
        }
        if (auto it = s.find("groups"); it != s.end()) {
            array(*it, at / "groups");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const Ptr a = at / "groups" / i;
                only((*it)[i], {"id", "members", "at_least", "at_most"}, a);
                CandidateGroup g;
                g.id = opt_string((*it)[i], "id", a).value_or("group " + std::to_string(i));
                g.members = strings(field((*it)[i], "members", a), a / "members");
                for (std::size_t m = 0; m < g.members.size(); ++m)
                    if (find_candidate(p, g.members[m]) < 0) fail(a / "members" / m, "unknown candidate '" + g.members[m] + "'");
                if ((*it)[i].contains("at_least")) g.at_least = integer((*it)[i]["at_least"], a / "at_least");
                if ((*it)[i].contains("at_most")) g.at_most = integer((*it)[i]["at_most"], a / "at_most");
                p.groups.push_back(std::move(g));
            }
        }
        auto id_list = [&](const char* key, std::vector<std::string>& out) {
            if (auto it = s.find(key); it != s.end()) {
                out = strings(*it, at / key);
                for (std::size_t m = 0; m < out.size(); ++m)
                    if (find_candidate(p, out[m]) < 0) fail(at / key / m, "unknown candidate '" + out[m] + "'");
            }
        };
        id_list("forced_in", p.forced_in);
        id_list("forced_out", p.forced_out);
        if (auto it = s.find("category_limits"); it != s.end()) {
            array(*it, at / "category_limits");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const Ptr a = at / "category_limits" / i;
                only((*it)[i], {"category", "basis", "min_share", "max_share"}, a);
                CategoryLimit cl;
                cl.category = string(field((*it)[i], "category", a), a / "category");
                const std::string basis = opt_string((*it)[i], "basis", a).value_or("spend");
                if (basis == "spend") cl.basis = ShareBasis::spend;
                else if (basis == "count") cl.basis = ShareBasis::count;
                else fail(a / "basis", "expected 'spend' or 'count'");
                cl.min_share = opt_number((*it)[i], "min_share", a);
                cl.max_share = opt_number((*it)[i], "max_share", a);
                p.category_limits.push_back(std::move(cl));
            }
        }
        p.max_total_risk = opt_number(s, "max_total_risk", at);
        if (auto it = s.find("scenarios"); it != s.end()) {
            array(*it, at / "scenarios");
            for (std::size_t i = 0; i < it->size(); ++i) doc.scenarios.push_back(scenario((*it)[i], at / "scenarios" / i));
        }
        if (auto it = s.find("solver"); it != s.end()) {
            only(*it, {"time_limit", "gap"}, at / "solver");
            doc.time_limit_seconds = opt_number(*it, "time_limit", at / "solver").value_or(doc.time_limit_seconds);
            doc.relative_gap = opt_number(*it, "gap", at / "solver").value_or(doc.relative_gap);
        }
    }

private:
    std::string_view text_;
    std::string path_;
};

}  // namespace

SelectionDocument parse_selection_document(std::string_view text, const std::string& path) {
    check_json_limits(text, path);  // size, nesting, strings (docs/limits.md)
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // Byte offset -> line/column.
        std::int64_t line = 1, col = 1;
        const std::size_t end = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
        for (std::size_t k = 0; k < end; ++k) {
            if (text[k] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        std::string msg = e.what();
        if (auto pos = msg.find("syntax error"); pos != std::string::npos) msg = msg.substr(pos);
        throw ParseError::syntax(path, line, col, msg);
    } catch (const json::exception& e) {  // out_of_range 406: a number literal that overflows a double
        throw ParseError::syntax(path, 0, 0, e.what());
    }
    Reader rd(text, path);
    SelectionDocument doc;
    doc.path = path;
    if (!root.is_object()) rd.fail({}, "expected a JSON object");
    if (auto f = root.find("format"); f != root.end() && (!f->is_string() || f->get<std::string>() != "ppm"))
        rd.fail({"format"}, "expected \"ppm\"");
    std::set<std::string> projects;
    if (auto pf = root.find("portfolio"); pf != root.end() && pf->is_object())
        if (auto ps = pf->find("projects"); ps != pf->end() && ps->is_array())
            for (const auto& pr : *ps)
                if (pr.is_object() && pr.contains("id") && pr["id"].is_string()) projects.insert(pr["id"].get<std::string>());
    if (auto s = root.find("strategy"); s != root.end()) doc.strategy = rd.strategy(*s, {"strategy"}, doc);
    if (auto s = root.find("selection"); s != root.end()) {
        doc.has_selection = true;
        rd.selection(*s, {"selection"}, doc, projects);
    }
    if (!doc.strategy && !doc.has_selection) rd.fail({}, "no 'strategy' or 'selection' section");
    return doc;
}

SelectionDocument read_selection_document(const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    if (text.size() > (std::size_t{1} << 30)) throw ParseError::limit_exceeded(path.string(), 0, "file larger than 1 GiB");
    return parse_selection_document(text, path.string());
}

std::optional<DocumentScores> apply_alignment(SelectionDocument& doc, const AhpOptions& options) {
    if (!doc.strategy) return std::nullopt;
    DocumentScores out;
    out.weights = evaluate_strategy(*doc.strategy, options);
    AlignmentInput in;
    in.drivers = out.weights.driver_ids();
    in.weights = out.weights.driver_weights();
    in.scale = doc.rating_scale;
    for (const auto& d : in.drivers) {
        auto it = doc.driver_scales.find(d);
        in.driver_scales.push_back(it == doc.driver_scales.end() ? DriverScale{} : it->second);
    }
    bool any = false;
    for (std::size_t c = 0; c < doc.problem.candidates.size(); ++c) {
        const auto& rt = doc.ratings[c];
        for (const auto& [driver, rating] : rt) {
            (void)rating;
            if (std::find(in.drivers.begin(), in.drivers.end(), driver) == in.drivers.end())
                throw ModelError::unknown_id("driver", driver, "rating of candidate " + doc.problem.candidates[c].id);
        }
        any = any || !rt.empty();
        in.candidates.push_back(doc.problem.candidates[c].id);
        for (const auto& d : in.drivers) {
            auto it = rt.find(d);
            in.ratings.push_back(it == rt.end() ? Rating{"none", std::nullopt} : it->second);
        }
    }
    if (!in.candidates.empty() && any) {
        out.alignment = score_alignment(in);
        for (std::size_t c = 0; c < doc.problem.candidates.size(); ++c)
            if (!doc.ratings[c].empty()) doc.problem.candidates[c].benefits["score"] = out.alignment.score[c];
    }
    return out;
}

namespace {

std::string label(const SelectionProblem& p, std::size_t t) {
    return p.period_labels.empty() ? std::to_string(t) : p.period_labels[t];
}

json result_json(const SelectionProblem& p, const SelectionResult& r) {
    json j;
    j["status"] = std::string(to_string(r.status));
    j["has_solution"] = r.has_solution;
    j["objective_name"] = p.objective;
    j["objective"] = r.objective;
    j["best_bound"] = r.best_bound;
    j["gap"] = r.gap;
    j["lp_bound"] = r.lp_bound;
    j["seconds"] = r.seconds;
    j["cpu_seconds"] = r.cpu_seconds;
    j["nodes"] = r.nodes;
    j["variables"] = r.variables;
    j["constraints"] = r.constraints;
    j["total_spend"] = r.total_spend.major();
    j["total_risk"] = r.total_risk;
    if (p.total_budget) {
        j["total_budget"] = p.total_budget->major();
        j["total_budget_slack"] = r.total_budget_slack;
        j["total_budget_shadow_price"] = r.total_budget_shadow_price;
    }
    json cands = json::array();
    for (std::size_t i = 0; i < r.candidate.size(); ++i) {
        json c;
        c["id"] = r.candidate[i];
        c["name"] = p.candidates[i].name;
        c["selected"] = r.selected[i] != 0;
        c["start"] = r.start[i] >= 0 ? json(r.start[i]) : json(nullptr);
        if (r.start[i] >= 0 && !p.period_labels.empty()) c["start_label"] = label(p, static_cast<std::size_t>(r.start[i]));
        c["value"] = r.value[i];
        c["cost"] = p.candidates[i].total_cost().major();
        c["category"] = p.candidates[i].category;
        if (!r.selected[i]) {
            c["reason"] = std::string(to_string(r.reason[i]));
            c["detail"] = r.reason_detail[i];
        }
        cands.push_back(std::move(c));
    }
    j["candidates"] = std::move(cands);
    json periods = json::array();
    for (std::size_t t = 0; t < r.spend.size(); ++t) {
        json q;
        q["period"] = t;
        q["label"] = label(p, t);
        q["spend"] = r.spend[t].major();
        if (!r.budget_slack.empty()) {
            q["budget"] = p.period_budget[t].major();
            q["slack"] = r.budget_slack[t];
            q["shadow_price"] = r.budget_shadow_price[t];
            q["binding"] = r.budget_binding[t] != 0;
        }
        periods.push_back(std::move(q));
    }
    j["periods"] = std::move(periods);
    json roles = json::array();
    const std::size_t T = r.spend.size();
    for (std::size_t k = 0; k < r.roles.size(); ++k) {
        json role;
        role["role"] = r.roles[k];
        json ps = json::array();
        for (std::size_t t = 0; t < T; ++t) {
            const std::size_t i = k * T + t;
            ps.push_back({{"period", t},
                          {"used", r.role_used[i]},
                          {"capacity", r.role_used[i] + r.role_slack[i]},
                          {"slack", r.role_slack[i]},
                          {"shadow_price", r.role_shadow_price[i]},
                          {"binding", r.role_binding[i] != 0}});
        }
        role["periods"] = std::move(ps);
        roles.push_back(std::move(role));
    }
    j["roles"] = std::move(roles);
    return j;
}

}  // namespace

std::string selection_to_json(const SelectionProblem& p, const SelectionResult& r, int indent) {
    return result_json(p, r).dump(indent);
}

std::string frontier_to_json(const FrontierResult& f, int indent) {
    json j;
    json pts = json::array();
    for (std::size_t k = 0; k < f.budget.size(); ++k)
        pts.push_back({{"budget", f.budget[k].major()},
                       {"value", f.value[k]},
                       {"spend", f.spend[k].major()},
                       {"status", std::string(to_string(f.status[k]))},
                       {"gap", f.gap[k]},
                       {"bound", f.bound[k]},
                       {"seconds", f.seconds[k]},
                       {"nodes", f.nodes[k]},
                       {"reused_top", f.reused[k] != 0},
                       {"entering", f.entering[k]},
                       {"leaving", f.leaving[k]}});
    j["points"] = std::move(pts);
    j["total_seconds"] = f.total_seconds;
    return j.dump(indent);
}

std::string scenarios_to_json(const ScenarioComparison& cmp, int indent) {
    json j;
    json sc = json::array();
    for (std::size_t s = 0; s < cmp.names.size(); ++s) {
        const auto& r = cmp.results[s];
        sc.push_back({{"name", cmp.names[s]},
                      {"status", std::string(to_string(r.status))},
                      {"objective", r.objective},
                      {"gap", r.gap},
                      {"total_spend", r.total_spend.major()},
                      {"selected", r.has_solution ? r.selected_ids() : std::vector<std::string>{}}});
    }
    j["scenarios"] = std::move(sc);
    json rows = json::array();
    const std::size_t n = cmp.candidates.size();
    for (std::size_t c = 0; c < n; ++c) {
        json sel = json::array();
        for (std::size_t s = 0; s < cmp.names.size(); ++s) sel.push_back(cmp.selected[s * n + c] != 0);
        rows.push_back({{"id", cmp.candidates[c]}, {"selected", std::move(sel)}});
    }
    j["candidates"] = std::move(rows);
    return j.dump(indent);
}

std::string strategy_to_json(const StrategyWeights& w, const AlignmentResult* alignment, int indent) {
    json j;
    json crit = json::array();
    for (std::size_t i = 0; i < w.ids.size(); ++i)
        crit.push_back({{"id", w.ids[i]}, {"local", w.local[i]}, {"global", w.global[i]}, {"driver", w.is_driver[i] != 0},
                        {"depth", w.depth[i]}});
    j["criteria"] = std::move(crit);
    json cmps = json::array();
    for (const auto& c : w.comparisons) {
        json worst = json::array();
        for (const auto& jd : c.ahp.most_inconsistent)
            worst.push_back({{"row", c.children[jd.row]},
                             {"col", c.children[jd.col]},
                             {"given", jd.given},
                             {"implied", jd.implied},
                             {"suggested", jd.suggested}});
        cmps.push_back({{"parent", c.parent.empty() ? json(nullptr) : json(c.parent)},
                        {"children", c.children},
                        {"priorities", c.ahp.priorities},
                        {"priorities_geometric_mean", c.ahp.priorities_geometric_mean},
                        {"lambda_max", c.ahp.lambda_max},
                        {"consistency_index", c.ahp.consistency_index},
                        {"random_index", c.ahp.random_index},
                        {"consistency_ratio", c.ahp.consistency_ratio},
                        {"acceptable", c.ahp.acceptable},
                        {"stakeholder_cr", c.stakeholder_cr},
                        {"most_inconsistent", std::move(worst)}});
    }
    j["comparisons"] = std::move(cmps);
    j["all_acceptable"] = w.all_acceptable;
    if (alignment != nullptr) {
        json cs = json::array();
        for (std::size_t c = 0; c < alignment->candidates.size(); ++c)
            cs.push_back({{"id", alignment->candidates[c]}, {"score", alignment->score[c]}, {"rank", alignment->rank[c]}});
        j["candidates"] = std::move(cs);
        json sens = json::array();
        for (std::size_t d = 0; d < alignment->drivers.size(); ++d) {
            const auto& s = alignment->sensitivity[d];
            sens.push_back({{"driver", alignment->drivers[d]},
                            {"weight", s.weight},
                            {"lower", s.lower},
                            {"upper", s.upper},
                            {"lower_swap", s.lower_swap_first.empty() ? json(nullptr) : json({s.lower_swap_first, s.lower_swap_second})},
                            {"upper_swap", s.upper_swap_first.empty() ? json(nullptr) : json({s.upper_swap_first, s.upper_swap_second})}});
        }
        j["sensitivity"] = std::move(sens);
    }
    return j.dump(indent);
}

}  // namespace ppm
