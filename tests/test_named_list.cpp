// NamedList finds a table's constraints and a domain's CHECKs by name: one by one while there are
// few, through an index once there are more than 16. Both ways must find the same item: the first
// added of a name, even when a lenient replay has recorded the name twice.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzer/named_list.h"

using zdlint::NamedList;

namespace {

struct Named {
  std::string name;
  int value = 0;
};

// A list of `count` items "n0", "n1", …, each valued after its number.
NamedList<Named> numbered(int count) {
  NamedList<Named> list;
  for (int i = 0; i < count; ++i) list.push_back({"n" + std::to_string(i), i});
  return list;
}

}  // namespace

TEST_CASE("named list: found by name, few or many, and in the order added") {
  for (const int count : {3, 16, 17, 40}) {
    CAPTURE(count);
    NamedList<Named> list = numbered(count);
    CHECK(list.size() == static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
      const Named* found = list.find("n" + std::to_string(i));
      REQUIRE(found != nullptr);
      CHECK(found->value == i);
    }
    CHECK(list.find("n" + std::to_string(count)) == nullptr);
    CHECK(list.find("") == nullptr);
    CHECK(list.names().front() == "n0");
    CHECK(list.names().back() == "n" + std::to_string(count - 1));
  }
}

TEST_CASE("named list: a name recorded twice finds the first added, then the second once the first is gone") {
  for (const int count : {3, 30}) {
    CAPTURE(count);
    NamedList<Named> list = numbered(count);
    list.push_back({"n1", 100});
    REQUIRE(list.find("n1") != nullptr);
    CHECK(list.find("n1")->value == 1);
    CHECK(list.erase("n1"));
    REQUIRE(list.find("n1") != nullptr);
    CHECK(list.find("n1")->value == 100);
    CHECK(list.erase("n1"));
    CHECK(list.find("n1") == nullptr);
    CHECK_FALSE(list.erase("n1"));
    CHECK(list.size() == static_cast<size_t>(count - 1));
  }
}

TEST_CASE("named list: erasing, renaming and erasing by a condition keep finding right") {
  for (const int count : {5, 30}) {
    CAPTURE(count);
    NamedList<Named> list = numbered(count);
    CHECK(list.erase("n2"));
    CHECK(list.find("n2") == nullptr);
    REQUIRE(list.find("n3") != nullptr);
    CHECK(list.find("n3")->value == 3);

    list.rename(*list.find("n3"), "renamed");
    CHECK(list.find("n3") == nullptr);
    REQUIRE(list.find("renamed") != nullptr);
    CHECK(list.find("renamed")->value == 3);

    // Renamed onto a name held: the one added first is found.
    list.rename(*list.find("renamed"), "n4");
    REQUIRE(list.find("n4") != nullptr);
    CHECK(list.find("n4")->value == 3);
    CHECK(list.erase("n4"));
    REQUIRE(list.find("n4") != nullptr);
    CHECK(list.find("n4")->value == 4);

    CHECK(list.erase_if([](const Named& item) { return item.value % 2 == 0; }) ==
          static_cast<size_t>((count + 1) / 2 - 1));  // n2 is gone already
    CHECK(list.find("n0") == nullptr);
    REQUIRE(list.find("n1") != nullptr);
    CHECK(list.find("n1")->value == 1);
    for (const Named& item : list) CHECK(item.value % 2 == 1);
  }
}

TEST_CASE("named list: a copy finds its own items, and changes to either leave the other alone") {
  for (const int count : {5, 30}) {
    CAPTURE(count);
    const NamedList<Named> original = numbered(count);
    NamedList<Named> copy = original;
    REQUIRE(copy.find("n1") != nullptr);
    CHECK(copy.find("n1") != original.find("n1"));
    CHECK(copy.find("n1") == &*std::next(copy.begin()));
    copy.find("n1")->value = 100;
    copy.rename(*copy.find("n2"), "two");
    CHECK(copy.erase("n3"));
    CHECK(original.find("n1")->value == 1);
    CHECK(original.find("n2") != nullptr);
    CHECK(original.find("two") == nullptr);
    CHECK(original.find("n3") != nullptr);
    CHECK(copy.find("two")->value == 2);

    NamedList<Named> assigned;
    assigned = copy;
    CHECK(assigned.names() == copy.names());
    CHECK(assigned.find("two") == &*std::next(assigned.begin(), 2));
    NamedList<Named> moved = std::move(assigned);
    CHECK(moved.find("two") == &*std::next(moved.begin(), 2));
  }
}

TEST_CASE("named list: the count of numbered names taken survives adding and a copy, not a removal or rename") {
  NamedList<Named> list = numbered(20);
  const auto key = [] { return std::string("key"); };
  const auto other = [] { return std::string("other"); };
  // What choose sees, and what it leaves, is what the list keeps.
  uint32_t seen = 99;
  CHECK(list.choose_name_counted(key, [&](uint32_t& taken) {
    seen = taken;
    taken = 7;
    return std::string("chosen");
  }) == "chosen");
  CHECK(seen == 0);
  CHECK(list.names_known_taken(key) == 7);
  CHECK(list.names_known_taken(other) == 0);
  list.push_back({"added", 0});
  CHECK(list.names_known_taken(key) == 7);
  CHECK(NamedList<Named>(list).names_known_taken(key) == 7);

  NamedList<Named> erased = list, renamed = list, filtered = list, reset = list;
  CHECK(erased.erase("n0"));
  CHECK(erased.names_known_taken(key) == 0);
  renamed.rename(*renamed.find("n0"), "zero");
  CHECK(renamed.names_known_taken(key) == 0);
  CHECK(filtered.erase_if([](const Named& item) { return item.name == "n0"; }) == 1);
  CHECK(filtered.names_known_taken(key) == 0);
  // A choice that leaves no name taken keeps no count.
  reset.choose_name_counted(key, [&](uint32_t& taken) {
    CHECK(taken == 7);
    taken = 0;
    return std::string("first");
  });
  CHECK(reset.names_known_taken(key) == 0);
  // Nothing removed, nothing forgotten.
  CHECK_FALSE(list.erase("absent"));
  CHECK(list.erase_if([](const Named&) { return false; }) == 0);
  CHECK(list.names_known_taken(key) == 7);
}
