// The catalog's index table: lookups by name and by table stay in step through every change.
#include <doctest/doctest.h>

#include <algorithm>

#include "analyzer/catalog.h"

using namespace zdlint;

namespace {

QualifiedName name(const char* n) { return QualifiedName{"public", n}; }

std::vector<std::string> names_of(const IndexTable& indexes, const char* table) {
  std::vector<std::string> out;
  for (const Index* index : indexes.of_table(name(table))) out.push_back(index->name.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("index table: by name and by table, through put, rename, retarget and erase") {
  IndexTable indexes;
  indexes.put(Index{name("a_x_idx"), name("a"), {"x"}, false, false, {}});
  indexes.put(Index{name("a_y_idx"), name("a"), {"y"}, false, false, {}});
  indexes.put(Index{name("b_x_idx"), name("b"), {"x"}, false, false, {}});
  CHECK(names_of(indexes, "a") == std::vector<std::string>{"a_x_idx", "a_y_idx"});
  CHECK(names_of(indexes, "c").empty());

  // Replacing an index of the same name moves it to its new table.
  indexes.put(Index{name("a_y_idx"), name("b"), {"y"}, true, false, {}});
  CHECK(names_of(indexes, "a") == std::vector<std::string>{"a_x_idx"});
  CHECK(names_of(indexes, "b") == std::vector<std::string>{"a_y_idx", "b_x_idx"});

  CHECK(indexes.rename(name("a_x_idx"), name("a_pkey"), [](Index& i) { i.unique = true; }));
  CHECK_FALSE(indexes.contains(name("a_x_idx")));
  REQUIRE(indexes.find(name("a_pkey")));
  CHECK(indexes.find(name("a_pkey"))->unique);
  CHECK(names_of(indexes, "a") == std::vector<std::string>{"a_pkey"});
  CHECK_FALSE(indexes.rename(name("missing"), name("other")));

  indexes.retarget(name("b"), name("c"));
  CHECK(names_of(indexes, "b").empty());
  CHECK(names_of(indexes, "c") == std::vector<std::string>{"a_y_idx", "b_x_idx"});
  CHECK(indexes.find(name("b_x_idx"))->table == name("c"));

  indexes.update_of_table(name("c"), [](Index& i) { std::replace(i.columns.begin(), i.columns.end(), std::string("x"), std::string("z")); });
  CHECK(indexes.find(name("b_x_idx"))->columns == std::vector<std::string>{"z"});

  indexes.erase_of_table(name("c"), [](const Index& i) { return i.unique; });
  CHECK(names_of(indexes, "c") == std::vector<std::string>{"b_x_idx"});
  indexes.erase_of_table(name("c"));
  CHECK(names_of(indexes, "c").empty());
  indexes.erase(name("a_pkey"));
  CHECK_FALSE(indexes.find(name("a_pkey")));
  CHECK(names_of(indexes, "a").empty());
}

TEST_CASE("index table: a copy lists and changes its own indexes, and copies a table's indexes once") {
  IndexTable original;
  original.put(Index{name("a_x_idx"), name("a"), {"x"}, false, false, {}});
  original.put(Index{name("a_y_idx"), name("a"), {"y"}, false, false, {}});

  IndexTable copy = original;
  copy.update_of_table(name("a"), [](Index& i) { i.unique = true; });
  for (const Index* index : copy.of_table(name("a"))) CHECK(index->unique);
  for (const Index* index : original.of_table(name("a"))) CHECK_FALSE(index->unique);
  IndexTable assigned;
  assigned = copy;
  copy.erase_of_table(name("a"));
  CHECK(names_of(assigned, "a") == std::vector<std::string>{"a_x_idx", "a_y_idx"});
  REQUIRE(assigned.find(name("a_x_idx")));
  CHECK(assigned.find(name("a_x_idx"))->unique);

  // Catalog::subset copies a table's indexes twice when the table is both created and altered:
  // each index once, and an index the subset has already is kept as it is.
  IndexTable subset;
  subset.put(Index{name("a_y_idx"), name("a"), {"y", "z"}, false, false, {}});
  subset.copy_of_table(original, name("a"));
  subset.copy_of_table(original, name("a"));
  CHECK(names_of(subset, "a") == std::vector<std::string>{"a_x_idx", "a_y_idx"});
  CHECK(subset.find(name("a_y_idx"))->columns == std::vector<std::string>{"y", "z"});
  CHECK(subset.all().size() == 2);
}
