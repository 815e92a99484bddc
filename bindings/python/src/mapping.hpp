#pragma once
// Map attributes that write through: `task.custom["k"] = v` and `candidate.benefits["score"] = x`
// change the C++ object, where a plain std::map attribute would hand Python a dict copy whose edits
// vanish. The view keeps its owner alive; assigning a dict (or another view) replaces the map.
// Opaque list extras: model lists accept any iterable where a list is expected and pickle as lists.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>

namespace ppm::python {

namespace py = pybind11;

/// A live view of the map `*map`, owned by the Python object `owner`.
template <class Map>
struct MapRef {
    py::object owner;
    Map* map = nullptr;
};

template <class Map>
py::dict map_to_dict(const Map& map) {
    py::dict d;
    for (const auto& [k, v] : map) d[py::cast(k)] = py::cast(v);
    return d;
}

/// A dict, a mapping or another view as the C++ map (TypeError for anything else).
template <class Map>
Map map_from_object(const py::handle& value) {
    if (py::isinstance<MapRef<Map>>(value)) return *value.cast<const MapRef<Map>&>().map;
    if (!py::isinstance<py::dict>(value) && !py::hasattr(value, "keys"))
        throw py::type_error("expected a dict, got " + std::string(py::str(value.get_type().attr("__name__"))));
    Map out;
    py::dict d(py::reinterpret_borrow<py::object>(value));
    for (const auto& [k, v] : d) out.insert_or_assign(k.template cast<typename Map::key_type>(), v.template cast<typename Map::mapped_type>());
    return out;
}

/// Binds the view class `name` for `Map` (a MutableMapping: item access, iteration, keys, items,
/// values, get, pop, update, setdefault, clear, copy, ==; pickles as a dict).
template <class Map>
void bind_map_ref(py::module_& m, const char* name, const char* doc) {
    using Ref = MapRef<Map>;
    using K = typename Map::key_type;
    using V = typename Map::mapped_type;
    py::class_<Ref> c(m, name, doc);
    c.def("__getitem__", [](const Ref& r, const K& k) -> V {
         auto it = r.map->find(k);
         if (it == r.map->end()) throw py::key_error(py::repr(py::cast(k)));
         return it->second;
     })
        .def("__setitem__", [](Ref& r, const K& k, const V& v) { r.map->insert_or_assign(k, v); })
        .def("__delitem__", [](Ref& r, const K& k) {
            if (r.map->erase(k) == 0) throw py::key_error(py::repr(py::cast(k)));
        })
        .def("__contains__", [](const Ref& r, const py::object& k) {
            return py::isinstance<py::str>(k) && r.map->find(k.template cast<K>()) != r.map->end();
        })
        .def("__len__", [](const Ref& r) { return r.map->size(); })
        .def("__iter__", [](const Ref& r) { return py::iter(map_to_dict(*r.map).attr("keys")()); })
        .def("keys", [](const Ref& r) { return map_to_dict(*r.map).attr("keys")(); }, "The keys (a snapshot).")
        .def("values", [](const Ref& r) { return map_to_dict(*r.map).attr("values")(); }, "The values (a snapshot).")
        .def("items", [](const Ref& r) { return map_to_dict(*r.map).attr("items")(); }, "(key, value) pairs (a snapshot).")
        .def("get", [](const Ref& r, const K& k, py::object fallback) -> py::object {
            auto it = r.map->find(k);
            return it == r.map->end() ? fallback : py::cast(it->second);
        }, py::arg("key"), py::arg("default") = py::none(), "The value of `key`, or `default`.")
        .def("pop", [](Ref& r, const K& k, py::object fallback) -> py::object {
            auto it = r.map->find(k);
            if (it == r.map->end()) {
                if (fallback.is(py::ellipsis())) throw py::key_error(py::repr(py::cast(k)));
                return fallback;
            }
            py::object v = py::cast(it->second);
            r.map->erase(it);
            return v;
        }, py::arg("key"), py::arg("default") = py::ellipsis(), "Removes `key` and returns its value (KeyError without `default`).")
        .def("setdefault", [](Ref& r, const K& k, const V& v) { return r.map->try_emplace(k, v).first->second; }, py::arg("key"),
             py::arg("default"), "The value of `key`, inserting `default` first when absent.")
        .def("update", [](Ref& r, const py::object& other) {
            for (auto& [k, v] : map_from_object<Map>(other)) r.map->insert_or_assign(k, std::move(v));
        }, py::arg("other"), "Sets every key of `other` (a dict or a view).")
        .def("clear", [](Ref& r) { r.map->clear(); }, "Removes every key.")
        .def("copy", [](const Ref& r) { return map_to_dict(*r.map); }, "A plain dict copy.")
        .def("__eq__", [](const Ref& r, const py::object& other) -> py::object {
            py::object rhs = py::isinstance<Ref>(other) ? py::object(map_to_dict(*other.cast<const Ref&>().map)) : other;
            return map_to_dict(*r.map).attr("__eq__")(rhs);
        })
        .def("__repr__", [](const Ref& r) { return py::repr(map_to_dict(*r.map)); })
        .def("__reduce__", [](const Ref& r) {
            return py::make_tuple(py::module_::import("builtins").attr("dict"), py::make_tuple(map_to_dict(*r.map)));
        });
    c.attr("__hash__") = py::none();
    py::module_::import("collections.abc").attr("MutableMapping").attr("register")(c);
}

/// Binds `member` of `Class` as a write-through map attribute (bind_map_ref<Map> must have run).
template <class Class, class Map, class... Extra>
void def_map_property(py::class_<Class, Extra...>& cls, const char* name, Map Class::*member, const char* doc) {
    cls.def_property(
        name, [member](py::object self) { return MapRef<Map>{self, &(self.cast<Class&>().*member)}; },
        [member](Class& x, const py::object& value) { x.*member = map_from_object<Map>(value); }, doc);
}

/// Extras for a bind_vector list type: built from any iterable where it is expected (so
/// `Project(tasks=[...])` works) and pickled as a plain list.
template <class Vector, class... Extra>
void list_extras(py::class_<Vector, Extra...> cls) {
    py::implicitly_convertible<py::iterable, Vector>();
    cls.def("__reduce__", [](py::object self) {
        return py::make_tuple(py::module_::import("builtins").attr("list"), py::make_tuple(py::list(self)));
    });
}

}  // namespace ppm::python
