CREATE TABLE pushers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- expect: syntax-error 2:26
  user_name TEXT NOT NULL
);
CREATE TABLE é_table (id int UNSIGNED); -- expect: syntax-error 6:30
